package io.niftyscanner.journal;

/** A cached candle series that no longer matched its market and was fetched afresh, and why. */
public record CacheRefetch(String market, long token, String reason, long timeMillis) {}
