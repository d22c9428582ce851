package io.niftyscanner.feed;

/**
 * Ticks the feeds delivered that never reached the market clock or the engine, by reason.
 *
 * @param nonPositivePrice a last price of zero or below
 * @param tooFarAhead      stamped more than feed.max.tick.ahead.seconds ahead of the market clock, and no other
 *                         instrument agreed on that time
 * @param earlierDate      stamped on an earlier date than the session the market clock is in
 */
public record RefusedTicks(long nonPositivePrice, long tooFarAhead, long earlierDate) {
    public long total() {
        return nonPositivePrice + tooFarAhead + earlierDate;
    }
}
