package io.niftyscanner.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The stand-in for Kite's login page: GET /connect/login shows an Approve link, GET /connect/approve issues a
 * request token and redirects (302) to the redirect URL with {@code action=login&status=success&request_token=...}.
 */
final class LoginRoutes {
    private final Sessions sessions;
    private final SandboxStats stats;
    private final String defaultRedirectUrl;

    LoginRoutes(Sessions sessions, SandboxStats stats, String defaultRedirectUrl) {
        this.sessions = sessions;
        this.stats = stats;
        this.defaultRedirectUrl = defaultRedirectUrl;
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
        String redirectUrl = q.getOrDefault("redirect_url", defaultRedirectUrl);
        String redirectParams = q.get("redirect_params");
        if (path.equals("/connect/login")) {
            html(ex, 200, LoginPage.approvePage(key, redirectParams, q.get("redirect_url")));
        } else if (path.equals("/connect/approve")) {
            String requestToken = sessions.issueRequestToken();
            if (redirectUrl == null || redirectUrl.isBlank()) {
                html(ex, 200, LoginPage.tokenPage(requestToken));
                return;
            }
            StringBuilder loc = new StringBuilder(redirectUrl).append(redirectUrl.contains("?") ? "&" : "?")
                    .append("action=login&type=login&status=success&request_token=").append(requestToken);
            if (redirectParams != null && !redirectParams.isBlank()) {
                loc.append('&').append(redirectParams);
            }
            ex.getResponseHeaders().set("Location", loc.toString());
            HttpExchangeIo.send(ex, 302, null, null);
        } else {
            html(ex, 404, LoginPage.errorPage("No such page: " + path));
        }
    }

    private static void html(HttpExchange ex, int status, String page) throws IOException {
        HttpExchangeIo.send(ex, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }
}
