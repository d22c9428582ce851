package io.niftyscanner.kite;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of {@code PUT /orders/{variety}/{order_id}} (kite-protocol.md 2.7); null fields are left as they are.
 * Prices are exact rupees.
 */
public record OrderModification(Integer quantity, BigDecimal price, BigDecimal triggerPrice, String orderType) {

    public OrderModification {
        if (quantity != null && quantity <= 0) {
            throw new IllegalArgumentException("modified quantity must be positive, not " + quantity);
        }
    }

    public static OrderModification quantity(int quantity) {
        return new OrderModification(quantity, null, null, null);
    }

    Map<String, String> form() {
        Map<String, String> f = new LinkedHashMap<>();
        if (orderType != null) {
            f.put("order_type", orderType);
        }
        if (quantity != null) {
            f.put("quantity", String.valueOf(quantity));
        }
        if (price != null) {
            f.put("price", price.toPlainString());
        }
        if (triggerPrice != null) {
            f.put("trigger_price", triggerPrice.toPlainString());
        }
        return f;
    }
}
