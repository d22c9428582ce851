package io.niftyscanner.config;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The one mask for secrets (API secret, access token, request token) wherever text may reach a log, a terminal, a
 * window or a file. Every log line and exception chain goes through {@link #redact} (the Logback {@code %mask}
 * converter), and so does every message shown to the user.
 *
 * <p>Two kinds of masking: the values the app knows to be secret ({@link #remember}: the configured API secret and
 * access token, tokens issued at login), wherever they appear; and anything shaped like a secret
 * ({@code access_token=...}, {@code api_secret=...}, {@code token KEY:TOKEN}, JSON secret fields), whatever its value.
 */
public final class Secrets {
    /** What a secret is replaced with in free text. */
    public static final String MASK = "****";
    /**
     * Values shorter than this are not remembered: Kite's secrets and tokens are 32 characters, and a short value
     * (the sandbox's public {@code sandbox} token) would mask ordinary words.
     */
    public static final int MIN_REMEMBERED_LENGTH = 8;

    private static final Set<String> SECRET_KEYS = Set.of(
            "ZERODHA_API_SECRET", "ZERODHA_ACCESS_TOKEN", "api_secret", "access_token", "request_token",
            "checksum", "enctoken", "refresh_token", "public_token");
    private static final String NAMES = "access_token|api_secret|request_token|checksum|enctoken|refresh_token|public_token";
    /** {@code name=value} in queries, forms, .env lines and messages; also URL-encoded ({@code name%3Dvalue}). */
    private static final Pattern ASSIGNED = Pattern.compile("(?i)((?:" + NAMES + ")(?:\\s*=\\s*|%3D))([^&\\s\"'<>,;)\\]}]+)");
    /** The Authorization header's {@code token api_key:access_token}. */
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)(\\btoken\\s+[^:\\s]+:)([^\\s\"',;)\\]}]+)");
    private static final Pattern JSON_SECRET = Pattern.compile("(?i)(\"(?:" + NAMES + ")\"\\s*:\\s*\")([^\"]*)");

    /** Longest first, so a secret that contains another is masked whole. */
    private static final List<String> KNOWN = new CopyOnWriteArrayList<>();
    private static final Set<String> KNOWN_SET = ConcurrentHashMap.newKeySet();

    private Secrets() {}

    public static boolean isSecretKey(String key) {
        String k = key.toUpperCase(Locale.ROOT);
        return SECRET_KEYS.contains(key) || k.contains("SECRET") || k.endsWith("TOKEN");
    }

    /**
     * Remembers a secret value, so {@link #redact} masks it wherever it appears from now on. Blank and short values
     * are ignored (see {@link #MIN_REMEMBERED_LENGTH}).
     */
    public static void remember(String secret) {
        if (secret == null) {
            return;
        }
        String s = secret.strip();
        if (s.length() < MIN_REMEMBERED_LENGTH || !KNOWN_SET.add(s)) {
            return;
        }
        synchronized (KNOWN) {
            KNOWN.add(s);
            KNOWN.sort(Comparator.comparingInt(String::length).reversed());
        }
    }

    /** Shows at most the last 4 characters of a secret, never the whole of it (config dumps, "which token"). */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "(not set)";
        }
        if (secret.length() <= 8) {
            return MASK;
        }
        return MASK + secret.substring(secret.length() - 4);
    }

    /** Only the scheme, host and port of a URL (paths and queries of webhooks often carry a secret). */
    public static String urlOrigin(String url) {
        try {
            java.net.URI u = java.net.URI.create(url.trim());
            if (u.getScheme() == null || u.getHost() == null) {
                return "(not a URL)";
            }
            return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "(not a URL)";
        }
    }

    /**
     * Removes secrets from free text: every remembered secret value, URLs and forms with token parameters,
     * Authorization headers, JSON secret fields. Safe to call on any text, any number of times.
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String known : KNOWN) {
            if (out.contains(known)) {
                out = out.replace(known, MASK);
            }
        }
        out = ASSIGNED.matcher(out).replaceAll(m -> m.group(2).equals(MASK) ? m.group() : quote(m.group(1) + MASK));
        out = AUTH_HEADER.matcher(out).replaceAll(m -> m.group(2).equals(MASK) ? m.group() : quote(m.group(1) + MASK));
        return JSON_SECRET.matcher(out).replaceAll(m -> quote(m.group(1) + MASK));
    }

    /** The message of {@code t} for a user: masked, and never the word "null". */
    public static String message(Throwable t) {
        if (t == null) {
            return "";
        }
        String m = t.getMessage();
        return redact(m == null || m.isBlank() ? t.getClass().getSimpleName() : m);
    }

    private static String quote(String s) {
        return java.util.regex.Matcher.quoteReplacement(s);
    }
}
