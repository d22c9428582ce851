package io.niftyscanner.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates the configured Kite endpoints (KITE_REST_URL, KITE_WS_URL) completely, when the configuration loads, so a
 * bad URL stops the app with a message instead of failing later on a background thread. The one place for URL rules:
 * each check is a step of {@link #validate}; the scheme rules live in {@link #checkScheme}, and where clear text may
 * go in {@link #checkTransport}.
 */
public final class EndpointUrls {
    /** The setting that lets http:// and ws:// reach hosts other than this machine. */
    public static final String ALLOW_INSECURE_KEY = "kite.allow_insecure";
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

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

    /** {@link #validate(String, String, Kind, boolean)} without {@code kite.allow_insecure}. */
    public static String validate(String key, String value, Kind kind) {
        return validate(key, value, kind, false);
    }

    /**
     * Checks one endpoint and returns it without a trailing slash; an empty value stays empty (the default applies).
     *
     * @param key           where the value came from, named in the message (e.g. {@code KITE_WS_URL})
     * @param allowInsecure {@code kite.allow_insecure}: clear text may go to other hosts too
     * @throws ConfigException naming the key, the value (secrets masked), what is wrong and what is allowed
     */
    public static String validate(String key, String value, Kind kind, boolean allowInsecure) {
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
        checkTransport(key, v, uri, kind, allowInsecure);
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

    /**
     * The access token travels with every request to a Kite endpoint (the Authorization header, the ticker's
     * access_token=), so the plain scheme is allowed only to this machine: 127.0.0.0/8, ::1 and localhost. Anything
     * else needs the secure scheme, or {@code kite.allow_insecure = true}, which then warns at every start
     * ({@link #insecureWarning}). Alert destinations carry no Kite token and are left to the alerts settings.
     */
    private static void checkTransport(String key, String value, URI uri, Kind kind, boolean allowInsecure) {
        if (kind == Kind.ALERT || allowInsecure || !uri.getScheme().equalsIgnoreCase(kind.plainScheme())
                || isLoopback(uri.getHost())) {
            return;
        }
        throw new ConfigException(key + " = '" + Secrets.redact(value) + "' would send your Kite access token in clear text to "
                + uri.getHost() + ": use " + kind.secureScheme() + "://, or " + kind.plainScheme() + ":// only for 127.0.0.1,"
                + " ::1 or localhost. If you really mean it (a test server on your own network), set " + ALLOW_INSECURE_KEY
                + " = true in " + ConfigLoader.PROPERTIES_FILE + ".");
    }

    /** True for {@code localhost}, an IPv4 literal in 127.0.0.0/8 and the IPv6 literal {@code ::1} (no DNS lookup). */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("localhost.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        Matcher m = IPV4_LOOPBACK.matcher(h);
        if (!m.matches()) {
            return false;
        }
        for (int g = 1; g <= 3; g++) {
            if (Integer.parseInt(m.group(g)) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Whether a (valid) endpoint sends clear text ({@code http}, {@code ws}) to a host other than this machine. */
    static boolean isClearTextOffMachine(String url) {
        try {
            URI u = new URI(url.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("ws")) && !isLoopback(u.getHost());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The start-up warning for {@code kite.allow_insecure = true}, naming the URLs it lets through; empty when off. */
    public static Optional<String> insecureWarning(boolean allowInsecure, String... urls) {
        if (!allowInsecure) {
            return Optional.empty();
        }
        StringBuilder clear = new StringBuilder();
        for (String url : urls) {
            if (url != null && !url.isBlank() && isClearTextOffMachine(url)) {
                clear.append(clear.length() == 0 ? "" : ", ").append(Secrets.redact(url));
            }
        }
        if (clear.length() == 0) {
            return Optional.of(ALLOW_INSECURE_KEY + " = true is set but every Kite URL is https/wss or on this machine;"
                    + " remove the setting.");
        }
        return Optional.of(ALLOW_INSECURE_KEY + " = true: the access token goes in clear text to " + clear
                + ". Anyone on the network path can take over your Kite session; use https/wss.");
    }

    private static ConfigException bad(String key, String value, Kind kind, String what) {
        return new ConfigException(key + " = '" + Secrets.redact(value) + "' is not valid: " + what + ". Allowed: " + kind.allowed());
    }
}
