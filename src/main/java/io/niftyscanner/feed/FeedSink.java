package io.niftyscanner.feed;

import io.niftyscanner.market.Tick;

/** Where feeds deliver market data. Called from feed threads; implementations only enqueue. */
public interface FeedSink {
    void onTick(Tick tick);

    /** Any sign of life from the source (a heartbeat, a frame, a completed poll cycle). */
    default void onAlive() {}
}
