package io.niftyscanner.orders;

/**
 * An order as the venue reports it (order book, order update). Prices are paise. {@code status} is Kite's (OPEN,
 * TRIGGER PENDING, COMPLETE, CANCELLED, REJECTED, and the transient ones such as OPEN PENDING).
 */
public record BrokerOrder(String orderId, String tag, String status, String statusMessage, String symbol, String side,
                          String orderType, long quantity, long filledQuantity, long averagePricePaise, long pricePaise,
                          long triggerPaise, long timeMillis) {

    public boolean isFinal() {
        return "COMPLETE".equals(status) || "CANCELLED".equals(status) || "REJECTED".equals(status);
    }
}
