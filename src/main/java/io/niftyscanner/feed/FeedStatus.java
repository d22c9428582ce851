package io.niftyscanner.feed;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.Secrets;
import java.time.Instant;

/**
 * One immutable status of the data path, shown by the UI and printed by the headless runner.
 *
 * @param mode               the mode the trader chose (hybrid stays hybrid while it streams or polls)
 * @param activeFeed         "stream" or "poll": the feed running now ("" when none)
 * @param ticksPerSecond     LIVE: recent tick rate
 * @param lastTickAgeMillis  LIVE: how old the last tick is; -1 when none yet
 * @param pollCycleMillis    POLLING: duration of the last cycle; -1 when none yet
 * @param nextCycle          POLLING: when the next cycle starts; null otherwise
 * @param attempt            RECONNECTING: the attempt number
 * @param nextTryMillis      RECONNECTING: milliseconds until the next try
 * @param nextOpen           MARKET_CLOSED: the next session open; null otherwise
 * @param candlesAwaitingRepair candles built from incomplete data (an outage, polling, joining mid-candle) that the
 *                           exchange's candles have not replaced yet; no signal fires from a series that has one
 */
public record FeedStatus(Instant time, DataMode mode, String activeFeed, FeedState state, String message,
                         double ticksPerSecond, long lastTickAgeMillis, long pollCycleMillis, Instant nextCycle,
                         int attempt, long nextTryMillis, Instant nextOpen, int candlesAwaitingRepair) {

    public FeedStatus(Instant time, DataMode mode, String activeFeed, FeedState state, String message,
                      double ticksPerSecond, long lastTickAgeMillis, long pollCycleMillis, Instant nextCycle,
                      int attempt, long nextTryMillis, Instant nextOpen) {
        this(time, mode, activeFeed, state, message, ticksPerSecond, lastTickAgeMillis, pollCycleMillis, nextCycle, attempt,
                nextTryMillis, nextOpen, 0);
    }

    /** The message reaches the window, stdout and the journal: it goes through the one secrets mask here. */
    public FeedStatus {
        message = Secrets.redact(message);
    }

    public static FeedStatus initializing(Instant time, DataMode mode, String message) {
        return new FeedStatus(time, mode, "", FeedState.INITIALIZING, message, 0, -1, -1, null, 0, 0, null, 0);
    }

    public FeedStatus withMessage(String newMessage) {
        return new FeedStatus(time, mode, activeFeed, state, newMessage, ticksPerSecond, lastTickAgeMillis, pollCycleMillis,
                nextCycle, attempt, nextTryMillis, nextOpen, candlesAwaitingRepair);
    }
}
