package io.niftyscanner.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What keeps web pages from driving the sandbox. It listens on 127.0.0.1 only, but a browser on the same machine
 * can reach that too: a page may send "simple" cross-site requests (a text/plain POST needs no preflight), and a
 * DNS-rebinding page talks to it under its own host name. So the REST server answers only requests whose
 * {@code Host} names this machine, control POSTs must be {@code application/json} (which a foreign page cannot send
 * without a preflight the sandbox never grants), and the ticker refuses a browser page's {@code Origin} unless the
 * page is the sandbox's own.
 */
final class RequestGuard {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private RequestGuard() {}

    /** Null when the Host header is absent (non-browser clients) or names this machine; else why not. */
    static String hostProblem(String host) {
        if (host == null || host.isBlank()) {
            return null;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        String name;
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            name = end < 0 ? h : h.substring(1, end);
        } else {
            int colon = h.lastIndexOf(':');
            name = colon < 0 ? h : h.substring(0, colon);
        }
        if (isLoopbackName(name)) {
            return null;
        }
        return "Host '" + printable(host) + "' is not this machine: the sandbox answers only requests addressed to"
                + " 127.0.0.1, localhost or [::1] (a web page reaching it under another name is refused).";
    }

    /** Null when the request's Content-Type is JSON ({@code application/json}, parameters allowed); else why not. */
    static String jsonProblem(String contentType) {
        String base = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (base.equals("application/json")) {
            return null;
        }
        return "Control requests need Content-Type: application/json (got " + (contentType == null ? "none"
                : "'" + printable(contentType) + "'") + "); web pages cannot send that to the sandbox.";
    }

    /**
     * Null when the WebSocket handshake may go on: no Origin (apps, Kite's own clients) or the sandbox's own pages
     * ({@code http://127.0.0.1:REST_PORT} and the other loopback spellings of it); else why not.
     */
    static String originProblem(String origin, int restPort) {
        if (origin == null || origin.isBlank()) {
            return null;
        }
        try {
            URI u = new URI(origin.trim());
            int port = u.getPort() < 0 ? ("https".equalsIgnoreCase(u.getScheme()) ? 443 : 80) : u.getPort();
            if ("http".equalsIgnoreCase(u.getScheme()) && u.getHost() != null && isLoopbackName(u.getHost()
                    .replace("[", "").replace("]", "").toLowerCase(Locale.ROOT)) && port == restPort) {
                return null;
            }
        } catch (URISyntaxException e) {
            // not a URL at all: refused below
        }
        return "Origin '" + printable(origin) + "' is a web page the sandbox does not serve: browser pages may not use"
                + " its ticker (apps send no Origin).";
    }

    private static boolean isLoopbackName(String name) {
        if (name.equals("localhost") || name.equals("::1") || name.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        if (!IPV4_LOOPBACK.matcher(name).matches()) {
            return false;
        }
        for (String part : name.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** A header value fit for an error message: printable ASCII only, at most 100 characters. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 100; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
        }
        return b.toString();
    }
}
