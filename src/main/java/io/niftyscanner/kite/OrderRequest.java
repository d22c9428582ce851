package io.niftyscanner.kite;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An order to place with {@code POST /orders/{variety}} (kite-protocol.md 2.7). Prices are rupees, exact.
 *
 * @param price            for LIMIT and SL; null otherwise
 * @param triggerPrice     for SL and SL-M; null otherwise
 * @param tag              idempotency tag, alphanumeric, at most 20 characters; null for none
 * @param marketProtection for MARKET and SL-M: 0 none, 1..100 percent, -1 automatic; null to leave it out
 */
public record OrderRequest(String variety, String exchange, String tradingsymbol, String transactionType,
                           String orderType, int quantity, String product, BigDecimal price, BigDecimal triggerPrice,
                           String validity, String tag, Integer marketProtection) {

    public OrderRequest {
        variety = upperOr(variety, "regular").toLowerCase(Locale.ROOT);
        exchange = upperOr(exchange, "NSE");
        Objects.requireNonNull(tradingsymbol, "tradingsymbol");
        transactionType = upperOr(transactionType, "");
        orderType = upperOr(orderType, "MARKET");
        product = upperOr(product, "MIS");
        validity = upperOr(validity, "DAY");
        if (!transactionType.equals("BUY") && !transactionType.equals("SELL")) {
            throw new IllegalArgumentException("transaction type must be BUY or SELL, not '" + transactionType + "'");
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("order quantity must be positive, not " + quantity);
        }
        if ((orderType.equals("LIMIT") || orderType.equals("SL")) && price == null) {
            throw new IllegalArgumentException(orderType + " order for " + tradingsymbol + " needs a price");
        }
        if ((orderType.equals("SL") || orderType.equals("SL-M")) && triggerPrice == null) {
            throw new IllegalArgumentException(orderType + " order for " + tradingsymbol + " needs a trigger price");
        }
        if (tag != null && !tag.matches("[A-Za-z0-9]{1,20}")) {
            throw new IllegalArgumentException("order tag must be 1 to 20 letters or digits, not '" + tag + "'");
        }
    }

    /** A regular MARKET order with automatic market protection (required for API market orders since April 2026). */
    public static OrderRequest market(String exchange, String symbol, String side, int quantity, String product, String tag) {
        return new OrderRequest("regular", exchange, symbol, side, "MARKET", quantity, product, null, null, "DAY", tag, -1);
    }

    public static OrderRequest limit(String exchange, String symbol, String side, int quantity, String product,
                                     BigDecimal price, String tag) {
        return new OrderRequest("regular", exchange, symbol, side, "LIMIT", quantity, product, price, null, "DAY", tag, null);
    }

    /** The form fields, in Kite's names. */
    Map<String, String> form() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("exchange", exchange);
        f.put("tradingsymbol", tradingsymbol);
        f.put("transaction_type", transactionType);
        f.put("order_type", orderType);
        f.put("quantity", String.valueOf(quantity));
        f.put("product", product);
        if (price != null) {
            f.put("price", price.toPlainString());
        }
        if (triggerPrice != null) {
            f.put("trigger_price", triggerPrice.toPlainString());
        }
        f.put("validity", validity);
        if (tag != null) {
            f.put("tag", tag);
        }
        if (marketProtection != null) {
            f.put("market_protection", String.valueOf(marketProtection));
        }
        return f;
    }

    private static String upperOr(String v, String def) {
        return v == null || v.isBlank() ? def : v.trim().toUpperCase(Locale.ROOT);
    }
}
