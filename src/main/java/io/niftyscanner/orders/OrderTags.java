package io.niftyscanner.orders;

import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import java.util.Locale;
import java.util.Optional;

/**
 * Idempotency tags, derived from the signal, so the same signal always yields the same tags and the broker's order
 * book can be searched for them after a crash. Kite allows 20 letters and digits; ours are 18 or 19:
 * {@code NS} + role (E, S, T, X) + side (B, S) + attempt (0-9) + the token in base 36 (7) + the candle start in
 * minutes since 1970 in base 36 (6) + {@code I} for an intrabar signal.
 */
public final class OrderTags {
    static final String PREFIX = "NS";
    private static final int TOKEN_WIDTH = 7;
    private static final int MINUTE_WIDTH = 6;

    /** The parts a tag encodes. */
    public record Parsed(Role role, Side side, int attempt, long token, long candleStartMillis, boolean intrabar) {
        /** The signal key ({@link Signal#key()}) the tag was derived from. */
        public String signalKey() {
            return token + ":" + candleStartMillis + ":" + side + (intrabar ? ":i" : "");
        }
    }

    private OrderTags() {}

    public static String tag(Signal signal, Role role, int attempt) {
        return tag(signal.token(), signal.candleStartMillis(), signal.side(), signal.intrabar(), role, attempt);
    }

    static String tag(long token, long candleStartMillis, Side side, boolean intrabar, Role role, int attempt) {
        if (attempt < 0 || attempt > 9) {
            throw new IllegalArgumentException("order attempt must be 0..9, not " + attempt);
        }
        return PREFIX + role.code + (side == Side.BUY ? 'B' : 'S') + attempt
                + pad(Long.toString(token, 36), TOKEN_WIDTH) + pad(Long.toString(candleStartMillis / 60_000L, 36), MINUTE_WIDTH)
                + (intrabar ? "I" : "");
    }

    /** The same trade's tag for another role (and attempt). */
    static String sibling(String tag, Role role, int attempt) {
        Parsed p = parse(tag).orElseThrow(() -> new IllegalArgumentException("not one of our tags: " + tag));
        return tag(p.token(), p.candleStartMillis(), p.side(), p.intrabar(), role, attempt);
    }

    /** Parses one of our tags; empty for anything else (orders the trader placed by hand, other apps). */
    public static Optional<Parsed> parse(String tag) {
        if (tag == null || !tag.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int len = PREFIX.length() + 3 + TOKEN_WIDTH + MINUTE_WIDTH;
        boolean intrabar = tag.length() == len + 1 && tag.endsWith("I");
        if (tag.length() != len && !intrabar) {
            return Optional.empty();
        }
        try {
            Role role = Role.ofCode(tag.charAt(2));
            char s = tag.charAt(3);
            if (s != 'B' && s != 'S') {
                return Optional.empty();
            }
            int attempt = Character.digit(tag.charAt(4), 10);
            if (attempt < 0) {
                return Optional.empty();
            }
            long token = Long.parseLong(tag.substring(5, 5 + TOKEN_WIDTH), 36);
            long minute = Long.parseLong(tag.substring(5 + TOKEN_WIDTH, len), 36);
            return Optional.of(new Parsed(role, s == 'B' ? Side.BUY : Side.SELL, attempt, token, minute * 60_000L, intrabar));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String pad(String s, int width) {
        String u = s.toUpperCase(Locale.ROOT);
        if (u.length() > width) {
            throw new IllegalArgumentException("value " + s + " does not fit a tag field of " + width);
        }
        return "0".repeat(width - u.length()) + u;
    }
}
