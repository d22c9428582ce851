package io.niftyscanner.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The HTML of the sandbox's stand-in for Kite's login page. Every value from the request is escaped. */
final class LoginPage {
    private LoginPage() {}

    static String approvePage(String apiKey, String redirectParams, String redirectUrl) {
        StringBuilder link = new StringBuilder("/connect/approve?api_key=").append(enc(apiKey));
        if (redirectParams != null) {
            link.append("&redirect_params=").append(enc(redirectParams));
        }
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sandbox exchange login</title></head><body>"
                + "<h1>NIFTY Scanner sandbox exchange</h1>"
                + "<p>This stands in for Kite's login page. No password: approve to send a request token to the app"
                + (redirectUrl == null ? " (shown on the next page)" : " at " + html(redirectUrl)) + ".</p>"
                + "<form method=\"get\" action=\"/connect/approve\">"
                + "<input type=\"hidden\" name=\"api_key\" value=\"" + html(apiKey) + "\">"
                + (redirectParams == null ? "" : "<input type=\"hidden\" name=\"redirect_params\" value=\"" + html(redirectParams) + "\">")
                + "<button type=\"submit\">Approve</button></form>"
                + "<p><a id=\"approve\" href=\"" + html(link.toString()) + "\">Approve</a></p>"
                + "</body></html>";
    }

    static String tokenPage(String requestToken) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sandbox request token</title></head><body>"
                + "<h1>Logged in to the sandbox exchange</h1>"
                + "<p>No redirect URL is configured (start the sandbox with --redirect-url URL). Request token:</p>"
                + "<pre id=\"request_token\">" + html(requestToken) + "</pre></body></html>";
    }

    static String errorPage(String message) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sandbox login error</title></head><body>"
                + "<h1>Login failed</h1><p>" + html(message) + "</p></body></html>";
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
