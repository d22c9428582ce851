package io.niftyscanner.app;

import io.niftyscanner.config.Constituents;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.kite.InstrumentFetcher;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.sandbox.SandboxExchange;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The token fetch as the command and the window run it: from Kite with the configured credentials, from the
 * configured Kite-compatible server, or, with neither, from an embedded sandbox exchange started for the purpose.
 */
public final class InstrumentTokensFetch {
    private InstrumentTokensFetch() {}

    /** Writes instrument_tokens.json and returns the report lines. A failure leaves the old file as it was. */
    public static List<String> run(ScannerConfig config) throws IOException {
        ConfigWarnings.sayOnce(config);
        ScannerConfig.Kite kite = config.kite();
        List<String> constituents = Constituents.load(config.paths().constituents());
        List<String> lines = new ArrayList<>();
        if (kite.useSandbox()) {
            try (SandboxExchange sandbox = SandboxExchange.start(SandboxCommand.fromConfig(config).withAutoPump(false))) {
                lines.add("No Kite credentials: fetching from the embedded sandbox exchange (its list carries the real Kite"
                        + " tokens); run ./scanner login first to fetch from Kite.");
                lines.addAll(fetch(new KiteRestClient(KiteHttp.shared(), sandbox.restUrl(), KiteSession.SANDBOX), constituents, config));
            }
            return lines;
        }
        KiteSession session = kite.credentials().canConnect() ? KiteSession.of(kite.credentials()) : KiteSession.SANDBOX;
        lines.addAll(fetch(new KiteRestClient(KiteHttp.shared(), kite.restUrl(), session), constituents, config));
        return lines;
    }

    private static List<String> fetch(KiteRestClient rest, List<String> constituents, ScannerConfig config) throws IOException {
        InstrumentFetcher.Result result = new InstrumentFetcher(rest, Clock.systemUTC()).fetch(constituents, config.paths().instruments());
        return result.reportLines(constituents.size());
    }
}
