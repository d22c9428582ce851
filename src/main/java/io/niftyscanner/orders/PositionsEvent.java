package io.niftyscanner.orders;

import java.util.List;

/**
 * What the executor holds once it has read the venue's order book (at start, after a restart, a gateway switch or a
 * new session): the open positions rebuilt from the journal and the venue, so a trader (or a test) sees at once that
 * a restart knows them again. Prices in rupees; {@code timeMillis} is market time.
 *
 * @param reason  why the book was read: start, retry, gateway switch, new session
 * @param gateway paper or kite
 * @param open    the instruments with a non-zero net quantity, in the order they were first traded today
 */
public record PositionsEvent(long timeMillis, String reason, String gateway, List<Open> open) {
    public PositionsEvent {
        open = List.copyOf(open);
    }

    /** @param quantity signed: positive long, negative short */
    public record Open(String symbol, long token, long quantity, double averagePrice) {}
}
