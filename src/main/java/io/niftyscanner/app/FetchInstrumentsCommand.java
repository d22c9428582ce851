package io.niftyscanner.app;

import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.Constituents;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.kite.InstrumentFetcher;
import io.niftyscanner.kite.KiteException;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** {@code ./scanner fetch-instruments}: writes instrument_tokens.json from Kite's NSE instrument dump. */
public final class FetchInstrumentsCommand implements Command {
    @Override
    public int run(List<String> args, CliContext ctx) throws IOException {
        if (!args.isEmpty()) {
            throw new UsageException("takes no arguments (it uses .env / KITE_REST_URL and config/nifty50.txt)");
        }
        ScannerConfig config = ConfigLoader.load(ctx.baseDir(), ctx.env(), Map.of());
        ScannerConfig.Kite kite = config.kite();
        KiteSession session;
        if (kite.credentials().canConnect()) {
            session = KiteSession.of(kite.credentials());
        } else if (!kite.restUrl().isEmpty()) {
            session = KiteSession.SANDBOX;
        } else {
            ctx.err().println("fetch-instruments needs Kite credentials: set ZERODHA_API_KEY and ZERODHA_ACCESS_TOKEN in .env"
                    + " (run ./scanner login for the token), or set KITE_REST_URL to a Kite-compatible server such as the"
                    + " sandbox (./scanner sandbox prints its rest= URL).");
            return Cli.EXIT_FAILURE;
        }
        List<String> constituents = Constituents.load(config.paths().constituents());
        KiteRestClient rest = new KiteRestClient(KiteHttp.shared(), kite.restUrl(), session);
        try {
            InstrumentFetcher.Result result = new InstrumentFetcher(rest, Clock.systemUTC())
                    .fetch(constituents, config.paths().instruments());
            result.reportLines(constituents.size()).forEach(ctx.out()::println);
            return Cli.EXIT_OK;
        } catch (KiteException e) {
            ctx.err().println("Could not fetch instruments: " + e.getMessage());
            ctx.err().println(config.paths().instruments().getFileName() + " was left as it was.");
            return Cli.EXIT_FAILURE;
        }
    }
}
