package io.niftyscanner.app;

import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.config.Secrets;
import io.niftyscanner.kite.KiteException;
import java.io.IOException;
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
        try {
            InstrumentTokensFetch.run(config).forEach(ctx.out()::println);
            return Cli.EXIT_OK;
        } catch (KiteException e) {
            ctx.err().println("Could not fetch instruments: " + Secrets.message(e));
            ctx.err().println(config.paths().instruments().getFileName() + " was left as it was.");
            return Cli.EXIT_FAILURE;
        }
    }
}
