package io.niftyscanner.feed;

/** What the data path is doing now (design.md 5, status lines). */
public enum FeedState {
    INITIALIZING,
    LIVE,
    POLLING,
    RECONNECTING,
    MARKET_CLOSED,
    TOKEN_EXPIRED,
    ERROR
}
