package io.niftyscanner.alerts;

/** Counts for one channel since start: final outcomes, alerts skipped because it was behind, attempts made, in hand. */
public record ChannelStats(String channel, long delivered, long failed, long dropped, long attempts, int pending) {}
