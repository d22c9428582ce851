package io.niftyscanner.kite;

import java.util.List;

/** The client-to-server ticker messages (kite-protocol.md 1.2); tokens are JSON numbers. */
final class KiteTickerMessages {
    private KiteTickerMessages() {}

    static String subscribe(List<Long> tokens) {
        return "{\"a\":\"subscribe\",\"v\":" + array(tokens) + "}";
    }

    static String unsubscribe(List<Long> tokens) {
        return "{\"a\":\"unsubscribe\",\"v\":" + array(tokens) + "}";
    }

    static String mode(KiteTicker.Mode mode, List<Long> tokens) {
        return "{\"a\":\"mode\",\"v\":[\"" + mode.wire() + "\"," + array(tokens) + "]}";
    }

    private static String array(List<Long> tokens) {
        StringBuilder sb = new StringBuilder(tokens.size() * 8 + 2).append('[');
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(tokens.get(i).longValue());
        }
        return sb.append(']').toString();
    }
}
