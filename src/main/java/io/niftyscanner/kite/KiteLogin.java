package io.niftyscanner.kite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.niftyscanner.config.EnvFileUpdater;
import io.niftyscanner.config.Escaping;
import io.niftyscanner.config.Secrets;
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
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily Kite login (kite-protocol.md 2.2): serves a tiny callback on 127.0.0.1, shows (and tries to open) the
 * login page, catches the redirect's request_token, exchanges it for the access token and stores that in .env.
 *
 * <p>The login page is sent a random, single-use {@code state} in {@code redirect_params}, which Kite appends to
 * the redirect. Only a callback carrying that state ends the login; any other request to the callback (another web
 * page racing its own request_token in, or trying to abort the login) gets an escaped page, is logged with its
 * values escaped, and is ignored: the login keeps waiting.
 */
public final class KiteLogin {
    private static final Logger LOG = LoggerFactory.getLogger(KiteLogin.class);
    public static final String KITE_LOGIN_BASE = "https://kite.zerodha.com";
    public static final int DEFAULT_PORT = 5000;
    /** The redirect_params key that carries the state back. */
    public static final String STATE_PARAM = "state";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'IST'");
    private static final SecureRandom RANDOM = new SecureRandom();

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
                          boolean openBrowser) {
        @Override
        public String toString() {
            return "KiteLogin.Options[apiKey=" + apiKey + ", apiSecret=" + Secrets.mask(apiSecret) + ", loginBaseUrl="
                    + loginBaseUrl + ", port=" + port + ", timeout=" + timeout + ", openBrowser=" + openBrowser + "]";
        }
    }

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

    /** The login page with {@code redirect_params}: Kite appends the url-encoded query it holds to the redirect. */
    public static String loginUrl(String base, String apiKey, String state) {
        return loginUrl(base, apiKey) + "&redirect_params="
                + URLEncoder.encode(STATE_PARAM + "=" + state, StandardCharsets.UTF_8);
    }

    /** A fresh state value: 128 random bits as hex. */
    static String newState() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
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
        EnvFileUpdater.checkWritable(envFile);
        Callback callback = new Callback(newState());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), o.port()), 0);
        } catch (BindException e) {
            throw new IOException("Port " + o.port() + " on 127.0.0.1 is in use; close what uses it or pass --port N"
                    + " (the redirect URL of your Kite app must use the same port)", e);
        }
        server.createContext("/", callback::handle);
        server.start();
        try {
            callbackUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            String url = loginUrl(o.loginBaseUrl(), o.apiKey(), callback.state);
            out.accept("Waiting for Kite's redirect on " + callbackUrl
                    + " (this must be the redirect URL of your Kite Connect app).");
            out.accept("Open this page and log in:");
            out.accept("  " + url);
            if (o.openBrowser() && !browser.open(url)) {
                out.accept("(Could not open a browser; copy the address above into one.)");
            }
            String token;
            try {
                token = callback.requestToken.get(o.timeout().toMillis(), TimeUnit.MILLISECONDS);
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
            out.accept("Logged in as " + Escaping.value(who) + ".");
            out.accept("Access token saved to " + envFile.getFileName() + "; it expires at " + SHOWN.format(expires) + ".");
            return new Result(session, expires);
        } finally {
            server.stop(0);
        }
    }

    /** The local redirect target of one login: accepts exactly one request, the one carrying its state. */
    private static final class Callback {
        final String state;
        final CompletableFuture<String> requestToken = new CompletableFuture<>();
        private final AtomicBoolean used = new AtomicBoolean();

        Callback(String state) {
            this.state = state;
        }

        void handle(HttpExchange exchange) throws IOException {
            try {
                URI uri = exchange.getRequestURI();
                if (!uri.getPath().equals("/")) {
                    LOG.debug("login callback: no page at {}", Escaping.value(uri.getRawPath()));
                    send(exchange, 404, "Nothing here. Waiting for Kite's login redirect.");
                    return;
                }
                Map<String, List<String>> q = query(uri);
                String token = first(q, "request_token");
                String status = first(q, "status");
                if (!carriesState(q)) {
                    LOG.warn("Ignored a request to the login callback without this login's state (another page, or an old"
                            + " login?); still waiting for Kite's redirect. Request: {} {}", exchange.getRequestMethod(),
                            describe(q));
                    send(exchange, 400, "This request did not come from the login you started (its state is "
                            + (q.containsKey(STATE_PARAM) ? "wrong" : "missing") + "), so it was ignored. "
                            + "If you are logging in, finish on Kite's page; the scanner is still waiting.");
                    return;
                }
                if (!used.compareAndSet(false, true)) {
                    LOG.warn("Ignored a second callback for a login that already ended: {}", describe(q));
                    send(exchange, 409, "This login has already ended. You can close this tab.");
                    return;
                }
                if (token != null && !token.isBlank() && (status == null || status.equalsIgnoreCase("success"))) {
                    requestToken.complete(token);
                    send(exchange, 200, "Login complete. You can close this tab and go back to NIFTY Scanner.");
                } else {
                    String why = status != null && !status.equalsIgnoreCase("success") ? "status " + Escaping.value(status)
                            : "no request_token";
                    requestToken.completeExceptionally(new IllegalStateException(
                            "Kite login did not succeed (" + why + "); run ./scanner login again"));
                    send(exchange, 400, "Kite login did not succeed (" + why + "). Run ./scanner login again.");
                }
            } catch (RuntimeException e) {
                LOG.warn("login callback failed: {}", e.toString());
                send(exchange, 500, "The scanner could not read this request.");
            }
        }

        /** Exactly one state parameter, equal to ours (compared in constant time). */
        private boolean carriesState(Map<String, List<String>> q) {
            List<String> values = q.get(STATE_PARAM);
            return values != null && values.size() == 1 && MessageDigest.isEqual(
                    values.get(0).getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The query for a log line: each key and value escaped, request tokens masked. */
    private static String describe(Map<String, List<String>> q) {
        if (q.isEmpty()) {
            return "(no parameters)";
        }
        List<String> parts = new ArrayList<>();
        q.forEach((k, vs) -> {
            for (String v : vs) {
                boolean secret = Secrets.isSecretKey(k) || k.equalsIgnoreCase(STATE_PARAM);
                parts.add(Escaping.value(k) + "=\"" + (secret ? Secrets.MASK : Escaping.value(v)) + "\"");
            }
        });
        return String.join(" ", parts);
    }

    private static void send(HttpExchange exchange, int code, String text) throws IOException {
        byte[] body = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>NIFTY Scanner login</title></head>"
                + "<body><p>" + Escaping.html(text) + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(code, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    private static String first(Map<String, List<String>> q, String key) {
        List<String> v = q.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return q;
        }
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            q.computeIfAbsent(decode(eq < 0 ? part : part.substring(0, eq)), k -> new ArrayList<>())
                    .add(eq < 0 ? "" : decode(part.substring(eq + 1)));
        }
        return q;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
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
