package io.niftyscanner.feed;

/** Creates a fresh feed of a kind ({@link MarketFeed#STREAM} or {@link MarketFeed#POLL}) for the supervisor. */
public interface FeedFactory {
    MarketFeed create(String kind, FeedSink sink, FeedReporter reporter);
}
