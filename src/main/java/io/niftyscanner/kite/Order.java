package io.niftyscanner.kite;

import java.math.BigDecimal;

/**
 * An order as {@code GET /orders}, {@code GET /orders/{id}} and WebSocket order updates describe it. Prices are
 * exact rupees; timestamps are epoch milliseconds (Kite sends IST wall time), 0 when absent.
 */
public record Order(String orderId, String exchangeOrderId, String status, String statusMessage, String variety,
                    String exchange, String tradingsymbol, long instrumentToken, String transactionType,
                    String orderType, String product, String validity, long quantity, long filledQuantity,
                    long pendingQuantity, long cancelledQuantity, BigDecimal price, BigDecimal triggerPrice,
                    BigDecimal averagePrice, String tag, long orderTimestampMillis, long exchangeTimestampMillis) {

    public boolean isComplete() {
        return "COMPLETE".equals(status);
    }

    public boolean isFinal() {
        return "COMPLETE".equals(status) || "CANCELLED".equals(status) || "REJECTED".equals(status);
    }
}
