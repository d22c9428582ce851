package io.niftyscanner.orders;

/**
 * A change of one of our orders (design.md 5 {@code order} line): placed, acknowledged, filled, cancelled, rejected,
 * refused by a risk limit. Prices in rupees; {@code timeMillis} is market time.
 *
 * @param status  Kite's status, or ours: SENDING, PLACED, UNKNOWN (reading back by tag), NOT_PLACED, REFUSED
 * @param gateway paper or kite
 * @param message why (a refusal's reason, a rejection's text), or empty
 */
public record OrderEvent(long timeMillis, String symbol, String side, long quantity, String tag, String status, String gateway,
                         String role, String orderId, String orderType, double price, double triggerPrice,
                         double averagePrice, long filledQuantity, String message, String signalKey) {}
