package io.niftyscanner.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where clear text may go. The access token travels in every request (the {@code Authorization} header, the
 * ticker's {@code access_token=}), so {@code http://} and {@code ws://} are allowed only to this machine
 * (127.0.0.0/8, {@code ::1}, {@code localhost}); anything else needs {@code https://} / {@code wss://}, or
 * {@code kite.allow_insecure = true}, which then warns at every start.
 */
public final class TransportRule {
    public static final String ALLOW_INSECURE_KEY = "kite.allow_insecure";
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private TransportRule() {}

    /** True for {@code localhost}, an IPv4 literal in 127.0.0.0/8 and the IPv6 literal {@code ::1} (no DNS lookup). */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("localhost.")) {
            return true;
        }
        var m = IPV4_LOOPBACK.matcher(h);
        if (m.matches()) {
            for (int g = 1; g <= 3; g++) {
                if (Integer.parseInt(m.group(g)) > 255) {
                    return false;
                }
            }
            return true;
        }
        return h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    /** Whether {@code url} sends in clear text ({@code http}, {@code ws}) to a host other than this machine. */
    public static boolean isInsecure(String url) {
        URI u = parse(url);
        if (u == null || u.getScheme() == null) {
            return false;
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("ws")) && !isLoopback(u.getHost());
    }

    /**
     * Checks one configured URL (already known to have an allowed scheme). Throws a {@link ConfigException} saying
     * how to fix it when it is clear text to another machine and insecure transport is not allowed.
     *
     * @param key the setting's name, as the user wrote it (KITE_REST_URL, --login-url, ...)
     */
    public static void check(String key, String url, boolean allowInsecure) {
        if (url == null || url.isBlank() || allowInsecure || !isInsecure(url)) {
            return;
        }
        URI u = parse(url);
        String secure = u.getScheme().equalsIgnoreCase("http") ? "https" : "wss";
        throw new ConfigException(key + " = '" + Secrets.redact(url) + "' would send your Kite access token in clear text to "
                + u.getHost() + ": use " + secure + "://, or " + u.getScheme().toLowerCase(Locale.ROOT)
                + ":// only for 127.0.0.1, ::1 or localhost. If you really mean it (a test server on your own network),"
                + " set " + ALLOW_INSECURE_KEY + " = true in " + ConfigLoader.PROPERTIES_FILE + ".");
    }

    /** The start-up warning for {@code kite.allow_insecure = true}, naming the URLs it lets through; empty when off. */
    public static Optional<String> warning(boolean allowInsecure, String... urls) {
        if (!allowInsecure) {
            return Optional.empty();
        }
        StringBuilder clear = new StringBuilder();
        for (String url : urls) {
            if (url != null && isInsecure(url)) {
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

    private static URI parse(String url) {
        try {
            return url == null ? null : new URI(url.trim());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
