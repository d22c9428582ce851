package io.niftyscanner.app;

import io.niftyscanner.config.ConfigException;
import io.niftyscanner.config.Credentials;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.kite.KiteException;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteLogin;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The daily Kite login as the window runs it (File &gt; Log in to Kite): the same {@link KiteLogin} as
 * {@code ./scanner login}, on the default callback port, with the login page chosen the same way.
 */
public final class LoginFlow {
    /** How long the window waits for the browser's redirect. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    private LoginFlow() {}

    /** Whether the configuration lets the window log in, and if not, why (in the trader's words). */
    public static String cannotLogIn(ScannerConfig config) {
        Credentials creds = config.kite().credentials();
        if (creds.canLogin()) {
            return null;
        }
        if (config.kite().useSandbox()) {
            return "No Kite credentials are configured, so the app runs on the embedded sandbox exchange, which needs no"
                    + " login. To use your Zerodha account, put ZERODHA_API_KEY and ZERODHA_API_SECRET (from your Kite"
                    + " Connect app) in .env, restart, then log in here.";
        }
        return "Logging in needs ZERODHA_API_KEY and ZERODHA_API_SECRET (from your Kite Connect app at"
                + " developers.kite.trade) in .env or the environment.";
    }

    /**
     * Runs the login: opens the login page, waits for the redirect, exchanges the request token and stores the access
     * token in .env. Blocking (up to {@link #TIMEOUT}); interrupt the thread to cancel.
     *
     * @param out  progress lines for the trader
     * @param port the redirect's port on 127.0.0.1 ({@link KiteLogin#DEFAULT_PORT} unless the Kite app says otherwise)
     */
    public static KiteLogin.Result run(ScannerConfig config, Map<String, String> env, Consumer<String> out, KiteLogin.Browser browser,
                                       int port)
            throws IOException, InterruptedException, TimeoutException, KiteException {
        String why = cannotLogIn(config);
        if (why != null) {
            throw new ConfigException(why);
        }
        Credentials creds = config.kite().credentials();
        String fromEnv = env.getOrDefault("KITE_LOGIN_URL", "");
        String loginUrl = !fromEnv.isBlank() ? fromEnv
                : !config.kite().restUrl().isEmpty() ? config.kite().restUrl() : KiteLogin.KITE_LOGIN_BASE;
        KiteRestClient rest = new KiteRestClient(KiteHttp.shared(), config.kite().restUrl(), new KiteSession(creds.apiKey(), ""));
        KiteLogin login = new KiteLogin(rest, Clock.systemUTC(), out, browser);
        return login.run(new KiteLogin.Options(creds.apiKey(), creds.apiSecret(), loginUrl, port, TIMEOUT, true),
                config.paths().envFile());
    }
}
