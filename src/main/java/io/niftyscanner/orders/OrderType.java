package io.niftyscanner.orders;

/** Kite's order types (kite-protocol.md 2.7). */
public enum OrderType {
    MARKET, LIMIT, SL, SL_M;

    /** The name on the wire: {@code SL-M} for {@link #SL_M}. */
    public String wire() {
        return this == SL_M ? "SL-M" : name();
    }

    public static OrderType ofWire(String s) {
        return "SL-M".equals(s) ? SL_M : valueOf(s);
    }
}
