package io.niftyscanner.feed;

/** A source of market data for the engine: the streaming feed or the polling feed. */
public interface MarketFeed extends AutoCloseable {
    String STREAM = "stream";
    String POLL = "poll";

    /** {@link #STREAM} or {@link #POLL}. */
    String kind();

    /**
     * Starts delivering. {@code resumeFromMillis} is the market time at which the previous feed stopped (0 on the
     * first start): data from then until this feed delivers is reported as a gap.
     */
    void start(long resumeFromMillis);

    /** Drops the connection and connects again now. */
    void reconnect();

    @Override
    void close();
}
