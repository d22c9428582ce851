package io.niftyscanner.journal;

/** A position of one session and gateway, marked to {@code lastPricePaise}. Money in paise. */
public record PositionRow(String sessionDate, String gateway, String symbol, long token, long quantity,
                          long averagePricePaise, long lastPricePaise, long realisedPaise, long unrealisedPaise,
                          long chargesPaise, long updatedMillis) {}
