package io.niftyscanner.orders;

/** The best bid and ask (the touch) and the last price, in paise; 0 where the venue has none. */
public record Touch(long bidPaise, long askPaise, long lastPaise, long timeMillis) {}
