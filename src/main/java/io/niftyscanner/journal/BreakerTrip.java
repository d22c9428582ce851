package io.niftyscanner.journal;

/** The day's loss limit was reached: no new entries until the next session. */
public record BreakerTrip(String sessionDate, long timeMillis, String reason, long lossPaise) {}
