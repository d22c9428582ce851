package io.niftyscanner.config;

/**
 * Escapes values that came from outside (a request, a server's message) before they are echoed into an HTML page
 * or a terminal, so they can neither run as script nor move the cursor, recolour or forge lines.
 */
public final class Escaping {
    /** Longest echoed value; the rest is cut and marked. */
    public static final int MAX_ECHO = 200;

    private Escaping() {}

    /** Text for HTML element content and quoted attribute values. */
    public static String html(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * One value for one line of a terminal or log: control characters (newlines, ESC, C1, bidi overrides) become
     * {@code \\uXXXX}, backslash and double quote are escaped, and the value is cut at {@link #MAX_ECHO} characters.
     */
    public static String value(String s) {
        if (s == null) {
            return "";
        }
        String cut = s.length() > MAX_ECHO ? s.substring(0, MAX_ECHO) : s;
        StringBuilder b = new StringBuilder(cut.length() + 8);
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (c == '\\' || c == '"') {
                b.append('\\').append(c);
            } else if (isUnsafe(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (cut.length() < s.length()) {
            b.append("...(").append(s.length()).append(" characters)");
        }
        return b.toString();
    }

    /**
     * Multi-line text for a terminal or log (messages, stack traces): line breaks and tabs stay, every other
     * control character becomes {@code \\uXXXX}.
     */
    public static String controls(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean keep = c == '\n' || c == '\t' || (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n');
            if (!keep && isUnsafe(c)) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(String.format("\\u%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean isUnsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e || c == 0x200f || c == 0x061c;
    }
}
