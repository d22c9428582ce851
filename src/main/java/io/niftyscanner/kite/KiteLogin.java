package io.niftyscanner.kite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.niftyscanner.config.EnvFileUpdater;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily Kite login (kite-protocol.md 2.2): serves a tiny callback on 127.0.0.1, shows (and tries to open) the
 * login page, catches the redirect's request_token, exchanges it for the access token and stores that in .env.
 */
public final class KiteLogin {
    private static final Logger LOG = LoggerFactory.getLogger(KiteLogin.class);
    public static final String KITE_LOGIN_BASE = "https://kite.zerodha.com";
    public static final int DEFAULT_PORT = 5000;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'IST'");

    /** Opens a URL in the user's browser; best effort. */
    @FunctionalInterface
    public interface Browser {
        boolean open(String url);
    }

    /**
     * @param loginBaseUrl where the login page lives ({@code https://kite.zerodha.com} or a Kite-compatible server)
     * @param port         callback port on 127.0.0.1 (0 = any free port); the Kite app's redirect URL must match it
     */
    public record Options(String apiKey, String apiSecret, String loginBaseUrl, int port, Duration timeout,
                          boolean openBrowser) {}

    public record Result(SessionInfo session, ZonedDateTime expiresAt) {}

    private final KiteRestClient rest;
    private final Clock clock;
    private final Consumer<String> out;
    private final Browser browser;
    private volatile String callbackUrl;

    public KiteLogin(KiteRestClient rest, Clock clock, Consumer<String> out, Browser browser) {
        this.rest = rest;
        this.clock = clock;
        this.out = out;
        this.browser = browser;
    }

    public static String loginUrl(String base, String apiKey) {
        String b = base == null || base.isBlank() ? KITE_LOGIN_BASE : base.trim();
        if (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return b + "/connect/login?v=3&api_key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8);
    }

    /** Kite access tokens expire at the next 06:00 IST. */
    public static ZonedDateTime expiry(ZonedDateTime now) {
        ZonedDateTime ist = now.withZoneSameInstant(KiteJson.IST);
        ZonedDateTime six = ist.toLocalDate().atTime(LocalTime.of(6, 0)).atZone(KiteJson.IST);
        return ist.isBefore(six) ? six : six.plusDays(1);
    }

    /** The callback URL once the local server listens (null before). */
    public String callbackUrl() {
        return callbackUrl;
    }

    public Result run(Options o, Path envFile) throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<String> requestToken = new CompletableFuture<>();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), o.port()), 0);
        } catch (BindException e) {
            throw new IOException("Port " + o.port() + " on 127.0.0.1 is in use; close what uses it or pass --port N"
                    + " (the redirect URL of your Kite app must use the same port)", e);
        }
        server.createContext("/", exchange -> handle(exchange, requestToken));
        server.start();
        try {
            callbackUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            String url = loginUrl(o.loginBaseUrl(), o.apiKey());
            out.accept("Waiting for Kite's redirect on " + callbackUrl
                    + " (this must be the redirect URL of your Kite Connect app).");
            out.accept("Open this page and log in:");
            out.accept("  " + url);
            if (o.openBrowser() && !browser.open(url)) {
                out.accept("(Could not open a browser; copy the address above into one.)");
            }
            String token;
            try {
                token = requestToken.get(o.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new TimeoutException("No login redirect arrived within " + o.timeout().toSeconds()
                        + " s; run ./scanner login again (use --timeout to wait longer)");
            } catch (ExecutionException e) {
                throw new KiteException(e.getCause().getMessage(), 0, "");
            }
            SessionInfo session = rest.generateSession(token, o.apiSecret());
            if (session.accessToken().isBlank()) {
                throw new DataException("Kite's session answer has no access_token; nothing was saved", 200, "");
            }
            EnvFileUpdater.set(envFile, "ZERODHA_ACCESS_TOKEN", session.accessToken());
            ZonedDateTime expires = expiry(ZonedDateTime.now(clock));
            String who = session.userName().isBlank() ? session.userId() : session.userName() + " (" + session.userId() + ")";
            out.accept("Logged in as " + who + ".");
            out.accept("Access token saved to " + envFile.getFileName() + "; it expires at " + SHOWN.format(expires) + ".");
            return new Result(session, expires);
        } finally {
            server.stop(0);
        }
    }

    private static void handle(HttpExchange exchange, CompletableFuture<String> requestToken) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI());
        String token = q.get("request_token");
        String status = q.getOrDefault("status", "success");
        int code;
        String page;
        if (token != null && !token.isBlank() && status.equalsIgnoreCase("success")) {
            code = 200;
            page = "Login complete. You can close this tab and go back to NIFTY Scanner.";
            requestToken.complete(token);
        } else if (q.containsKey("status") || q.containsKey("action")) {
            code = 400;
            page = "Kite login did not succeed (status " + status.toLowerCase(Locale.ROOT) + "). Run ./scanner login again.";
            requestToken.completeExceptionally(new IllegalStateException(
                    "Kite login did not succeed (status " + status + "); run ./scanner login again"));
        } else {
            code = 404;
            page = "Waiting for Kite's login redirect.";
        }
        LOG.debug("login callback {} -> {}", exchange.getRequestURI().getPath(), code);
        byte[] body = ("<!doctype html><html><body><p>" + page + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(code, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return q;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            q.putIfAbsent(k, v);
        }
        return q;
    }

    /** Opens URLs with the desktop's own opener (xdg-open, open, or start); never throws. */
    public static Browser systemBrowser() {
        return url -> {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String[] cmd = os.contains("mac") ? new String[] {"open", url}
                    : os.contains("win") ? new String[] {"rundll32", "url.dll,FileProtocolHandler", url}
                    : new String[] {"xdg-open", url};
            try {
                new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return true;
            } catch (IOException | RuntimeException e) {
                LOG.debug("could not open a browser: {}", e.toString());
                return false;
            }
        };
    }
}
