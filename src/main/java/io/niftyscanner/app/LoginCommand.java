package io.niftyscanner.app;

import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.Credentials;
import io.niftyscanner.config.EndpointUrls;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.config.Secrets;
import io.niftyscanner.kite.KiteException;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteLogin;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * {@code ./scanner login [--port N] [--login-url URL] [--no-browser] [--timeout SECONDS]}: the daily Kite login.
 * The login page is {@code --login-url}, else {@code KITE_LOGIN_URL}, else the configured KITE_REST_URL (a
 * Kite-compatible server), else kite.zerodha.com.
 */
public final class LoginCommand implements Command {
    private final KiteLogin.Browser browser;

    public LoginCommand() {
        this(KiteLogin.systemBrowser());
    }

    LoginCommand(KiteLogin.Browser browser) {
        this.browser = browser;
    }

    @Override
    public int run(List<String> args, CliContext ctx) throws Exception {
        int port = KiteLogin.DEFAULT_PORT;
        String loginUrl = null;
        boolean openBrowser = true;
        long timeoutSeconds = 300;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--port":
                    port = intArg(args, ++i, a, 0, 65535);
                    break;
                case "--login-url":
                    loginUrl = arg(args, ++i, a);
                    break;
                case "--no-browser":
                    openBrowser = false;
                    break;
                case "--timeout":
                    timeoutSeconds = intArg(args, ++i, a, 1, 86_400);
                    break;
                default:
                    throw new UsageException("unknown option '" + a + "'; use --port N, --login-url URL, --no-browser,"
                            + " --timeout SECONDS");
            }
        }
        ScannerConfig config = ConfigLoader.load(ctx.baseDir(), ctx.env(), Map.of());
        ConfigWarnings.sayOnce(config);
        Credentials creds = config.kite().credentials();
        if (!creds.canLogin()) {
            ctx.err().println("login needs ZERODHA_API_KEY and ZERODHA_API_SECRET (from your Kite Connect app at"
                    + " developers.kite.trade) in .env or the environment.");
            return Cli.EXIT_FAILURE;
        }
        if (loginUrl == null) {
            String env = ctx.env().getOrDefault("KITE_LOGIN_URL", "");
            loginUrl = !env.isBlank() ? env : !config.kite().restUrl().isEmpty() ? config.kite().restUrl() : KiteLogin.KITE_LOGIN_BASE;
        }
        // the login page is where the user types the Kite password: the same rules as the Kite URLs, clear text only here
        loginUrl = EndpointUrls.validate("the login page (--login-url / KITE_LOGIN_URL)", loginUrl, EndpointUrls.Kind.REST,
                config.kite().allowInsecure());
        KiteRestClient rest = new KiteRestClient(KiteHttp.shared(), config.kite().restUrl(),
                new KiteSession(creds.apiKey(), ""));
        KiteLogin login = new KiteLogin(rest, Clock.systemUTC(), ctx.out()::println, browser);
        try {
            login.run(new KiteLogin.Options(creds.apiKey(), creds.apiSecret(), loginUrl, port,
                    Duration.ofSeconds(timeoutSeconds), openBrowser), config.paths().envFile());
            return Cli.EXIT_OK;
        } catch (KiteException | TimeoutException | IOException e) {
            ctx.err().println("Login failed: " + Secrets.message(e));
            return Cli.EXIT_FAILURE;
        }
    }

    private static String arg(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int intArg(List<String> args, int i, String option, int min, int max) {
        String v = arg(args, i, option);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new UsageException(option + " must be from " + min + " to " + max + ", not " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a whole number, not '" + v + "'");
        }
    }
}
