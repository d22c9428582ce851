package io.niftyscanner.feed;

/** What a feed tells its supervisor about its connection. Called from feed threads. */
public interface FeedReporter {
    /** The feed delivers data (streaming: socket open and subscribed). */
    void connected(String feed);

    void reconnecting(String feed, int attempt, long delayMillis, String reason);

    /** Kite refused the access token; the feed has stopped. */
    void tokenExpired(String feed, String message);

    /** The feed failed; {@code retryInMillis} &lt; 0 means it has stopped. */
    void failed(String feed, String message, long retryInMillis);

    /** A polling cycle finished. */
    void pollCycle(long cycleMillis, long nextCycleEpochMillis, int quotes);

    /** No session at the exchange now. */
    void marketClosed(String feed, long nextOpenEpochMillis);

    /** Market data between the two market times may be missing or incomplete. */
    void gap(long fromMillis, long toMillis, String reason);

    /**
     * Market data from the last complete instant on is being missed (a dropped or silent socket, a malformed frame); it
     * flows again with the next tick the feed delivers. Called on the thread that noticed, before any later tick.
     */
    default void lost(String feed, String reason) {}
}
