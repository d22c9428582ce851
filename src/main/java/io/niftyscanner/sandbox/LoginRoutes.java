package io.niftyscanner.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The stand-in for Kite's login page. GET /connect/login shows an Approve button; GET /connect/approve issues a
 * request token and redirects (302) to the configured redirect URL (the Kite app's registered one; nothing in the
 * request can change it) with {@code action=login&type=login&status=success&request_token=...}, followed by the
 * parameters of {@code redirect_params} as Kite passes them back: that url-encoded query string, decoded, appended.
 */
final class LoginRoutes {
    private final Sessions sessions;
    private final SandboxStats stats;
    private final String redirectUrl;

    LoginRoutes(Sessions sessions, SandboxStats stats, String redirectUrl) {
        this.sessions = sessions;
        this.stats = stats;
        this.redirectUrl = redirectUrl;
    }

    void handle(HttpExchange ex, String path) throws IOException {
        stats.request("GET " + path);
        Map<String, String> q = HttpExchangeIo.first(HttpExchangeIo.params(ex.getRequestURI().getRawQuery()));
        String key = q.get("api_key");
        if (!sessions.isApiKey(key)) {
            html(ex, 400, LoginPage.errorPage("Unknown api_key '" + (key == null ? "" : key) + "': the sandbox accepts api_key="
                    + sessions.apiKey() + "."));
            return;
        }
        String asked = q.get("redirect_url");
        if (asked != null && !asked.equals(redirectUrl)) {
            html(ex, 400, LoginPage.errorPage("The sandbox sends the login only to its configured redirect URL ("
                    + (redirectUrl == null ? "none: the request token is shown on the page" : redirectUrl)
                    + "), as Kite sends it only to the app's registered one. Start it with --redirect-url URL to change it."));
            return;
        }
        String redirectParams = q.get("redirect_params");
        if (path.equals("/connect/login")) {
            html(ex, 200, LoginPage.approvePage(key, redirectParams, redirectUrl));
        } else if (path.equals("/connect/approve")) {
            String requestToken = sessions.issueRequestToken();
            if (redirectUrl == null || redirectUrl.isBlank()) {
                html(ex, 200, LoginPage.tokenPage(requestToken));
                return;
            }
            ex.getResponseHeaders().set("Location", location(redirectUrl, requestToken, redirectParams));
            ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            HttpExchangeIo.send(ex, 302, null, null);
        } else {
            html(ex, 404, LoginPage.errorPage("No such page: " + path));
        }
    }

    /** The redirect: Kite's own parameters, then each pair of {@code redirect_params}, every part url-encoded again. */
    static String location(String redirectUrl, String requestToken, String redirectParams) {
        StringBuilder loc = new StringBuilder(redirectUrl).append(redirectUrl.contains("?") ? "&" : "?")
                .append("action=login&type=login&status=success&request_token=").append(LoginPage.enc(requestToken));
        if (redirectParams != null && !redirectParams.isBlank()) {
            for (Map.Entry<String, List<String>> p : HttpExchangeIo.params(redirectParams).entrySet()) {
                for (String v : p.getValue()) {
                    loc.append('&').append(LoginPage.enc(p.getKey())).append('=').append(LoginPage.enc(v));
                }
            }
        }
        return loc.toString();
    }

    private static void html(HttpExchange ex, int status, String page) throws IOException {
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; form-action 'self'");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        HttpExchangeIo.send(ex, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }
}
