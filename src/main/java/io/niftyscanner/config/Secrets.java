package io.niftyscanner.config;

import java.util.Set;
import java.util.regex.Pattern;

/** Masks secrets (API secret, access token, request token) wherever text may reach a log or a user. */
public final class Secrets {
    private static final Set<String> SECRET_KEYS = Set.of(
            "ZERODHA_API_SECRET", "ZERODHA_ACCESS_TOKEN", "api_secret", "access_token", "request_token",
            "checksum", "enctoken", "refresh_token", "public_token");
    private static final Pattern QUERY_SECRET = Pattern.compile(
            "(?i)(access_token|api_secret|request_token|checksum|enctoken|refresh_token)=([^&\\s\"']+)");
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)(token\\s+[^:\\s]+:)([^\\s\"']+)");
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(?i)(\"(?:access_token|api_secret|request_token|checksum|enctoken|refresh_token|public_token)\"\\s*:\\s*\")([^\"]*)");

    private Secrets() {}

    public static boolean isSecretKey(String key) {
        return SECRET_KEYS.contains(key) || key.toUpperCase().contains("SECRET") || key.toUpperCase().endsWith("TOKEN");
    }

    /** Shows at most the last 4 characters of a secret, never the whole of it. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "(not set)";
        }
        if (secret.length() <= 8) {
            return "****";
        }
        return "****" + secret.substring(secret.length() - 4);
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

    /** Removes secrets from free text: URLs with token parameters, Authorization headers, JSON fields. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = QUERY_SECRET.matcher(text).replaceAll("$1=****");
        out = AUTH_HEADER.matcher(out).replaceAll("$1****");
        return JSON_SECRET.matcher(out).replaceAll("$1****");
    }
}
