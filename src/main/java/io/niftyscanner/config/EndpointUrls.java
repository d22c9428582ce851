package io.niftyscanner.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Validates the configured Kite endpoints (KITE_REST_URL, KITE_WS_URL) completely, when the configuration loads, so a
 * bad URL stops the app with a message instead of failing later on a background thread. The one place for URL rules:
 * each check is a step of {@link #validate}; the scheme rules live in {@link #checkScheme}.
 */
public final class EndpointUrls {
    /** What an endpoint is for, and so which schemes it may use. */
    public enum Kind {
        /** A base URL: the client appends routes and their parameters, so it takes no query. */
        REST("https", "http", "https://api.kite.trade", false),
        /** The ticker URL: the client adds api_key and access_token to whatever query it has. */
        WEBSOCKET("wss", "ws", "wss://ws.kite.trade", true),
        /** An alert's destination (Telegram's Bot API base, a webhook): posted to as given, query and all. */
        ALERT("https", "http", "https://hooks.example.com/alerts", true);

        private final String secureScheme;
        private final String plainScheme;
        private final String example;
        private final boolean query;

        Kind(String secureScheme, String plainScheme, String example, boolean query) {
            this.secureScheme = secureScheme;
            this.plainScheme = plainScheme;
            this.example = example;
            this.query = query;
        }

        public String secureScheme() {
            return secureScheme;
        }

        public String plainScheme() {
            return plainScheme;
        }

        /** What is allowed, for messages. */
        public String allowed() {
            return secureScheme + "://HOST[:PORT][/PATH] or " + plainScheme + "://HOST[:PORT][/PATH], e.g. " + example;
        }
    }

    private EndpointUrls() {}

    /**
     * Checks one endpoint and returns it without a trailing slash; an empty value stays empty (the default applies).
     *
     * @param key where the value came from, named in the message (e.g. {@code KITE_WS_URL})
     * @throws ConfigException naming the key, the value (secrets masked), what is wrong and what is allowed
     */
    public static String validate(String key, String value, Kind kind) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            return "";
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw bad(key, v, kind, "it contains a space at position " + (i + 1));
            }
            if (Character.isISOControl(c)) {
                throw bad(key, v, kind, "it contains a control character at position " + (i + 1));
            }
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw bad(key, v, kind, "it is not a URL (" + e.getReason() + " at position " + (e.getIndex() + 1) + ")");
        }
        checkScheme(key, v, uri, kind);
        if (uri.isOpaque() || uri.getRawAuthority() == null) {
            throw bad(key, v, kind, "it has no host; write " + uri.getScheme() + "://HOST");
        }
        if (uri.getRawUserInfo() != null) {
            throw bad(key, v, kind, "it carries a user name or password, which would leak into logs");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw bad(key, v, kind, "'" + uri.getRawAuthority() + "' is not a host name (letters, digits, dots and hyphens,"
                    + " or an IP address) with an optional :PORT");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw bad(key, v, kind, "port " + uri.getPort() + " is not from 1 to 65535");
        }
        if (uri.getRawQuery() != null && !kind.query) {
            throw bad(key, v, kind, "it has a query (?…); the app adds each route and its parameters to this base URL");
        }
        if (uri.getRawFragment() != null) {
            throw bad(key, v, kind, "it has a fragment (#…)");
        }
        return v.endsWith("/") && uri.getRawQuery() == null ? v.substring(0, v.length() - 1) : v;
    }

    /** The scheme must be the kind's secure or plain one. */
    private static void checkScheme(String key, String value, URI uri, Kind kind) {
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw bad(key, value, kind, "it has no scheme");
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        if (!s.equals(kind.secureScheme()) && !s.equals(kind.plainScheme())) {
            throw bad(key, value, kind, "the scheme '" + scheme + "' is not allowed here");
        }
    }

    private static ConfigException bad(String key, String value, Kind kind, String what) {
        return new ConfigException(key + " = '" + Secrets.redact(value) + "' is not valid: " + what + ". Allowed: " + kind.allowed());
    }
}
