package io.niftyscanner.journal;

/**
 * One order as the journal keeps it: its latest state. Prices are paise (0 = none). {@code sessionDate} is the IST
 * trading day (yyyy-MM-dd).
 *
 * @param role   ENTRY, STOP, TARGET or EXIT
 * @param gateway paper or kite
 */
public record OrderRow(String tag, String signalKey, String role, String gateway, String symbol, long token,
                       String exchange, String side, long quantity, String orderType, long pricePaise, long triggerPaise,
                       long stopPaise, long targetPaise, String product, int marketProtection, String orderId,
                       String status, long filledQuantity, long averagePricePaise, String message, long createdMillis,
                       long updatedMillis, String sessionDate) {}
