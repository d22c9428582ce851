package io.niftyscanner.kite;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ValueNode;
import io.niftyscanner.market.Prices;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Jackson set up for Kite (decimals stay exact) and the field conversions Kite's JSON needs. */
final class KiteJson {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    /**
     * Decimal numbers may carry at most this many digits after the point, and their exponent may shift them at most
     * this far. Kite's numbers have a handful of decimals; without a bound, {@code 1e999999999} (11 characters) turns
     * into a billion-digit number the moment anything rounds it or asks for its long value.
     */
    static final int MAX_DECIMAL_SCALE = 40;
    /** Prices and other amounts above 10^15 are not money: refused before they are scaled. */
    static final int MAX_INTEGER_DIGITS = 15;
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setNodeFactory(new BoundedNumbers());
    /** Kite's wall-clock format (orders, quotes, login_time), always IST. */
    static final DateTimeFormatter IST_WALL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Historical candle timestamps: {@code 2017-12-15T09:15:00+0530} (offset without a colon). */
    static final DateTimeFormatter CANDLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private KiteJson() {}

    /** Refuses, while parsing, any decimal whose scale is out of bounds (see {@link #MAX_DECIMAL_SCALE}). */
    private static final class BoundedNumbers extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;

        BoundedNumbers() {
            super(false); // as Jackson's default factory
        }

        @Override
        public ValueNode numberNode(BigDecimal v) {
            if (v != null && Math.abs(v.scale()) > MAX_DECIMAL_SCALE) {
                throw new DataException("Kite sent a number out of range (" + v.unscaledValue().toString().length()
                        + " digits, exponent " + (-(long) v.scale()) + "); the answer was not used", 0, "");
            }
            return super.numberNode(v);
        }
    }

    /** A decimal rupee value as exact minor units of the token's segment; 0 when absent. */
    static long minor(JsonNode n, long token) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return 0;
        }
        if (!n.isNumber()) {
            throw new IllegalArgumentException("expected a price, found " + n);
        }
        BigDecimal value = n.decimalValue();
        if (Math.abs(value.scale()) > MAX_DECIMAL_SCALE || value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("expected a price, found a number out of range");
        }
        BigDecimal scaled = value.multiply(BigDecimal.valueOf(Prices.divisor(token)));
        return scaled.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    static BigDecimal decimal(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() || !n.isNumber() ? null : n.decimalValue();
    }

    /** An IST wall time {@code yyyy-MM-dd HH:mm:ss} (ISO variants accepted) as epoch millis; 0 when absent or unreadable. */
    static long istMillis(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode() || n.asText().isBlank()) {
            return 0;
        }
        String s = n.asText().trim();
        try {
            return LocalDateTime.parse(s, IST_WALL).atZone(IST).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDateTime.parse(s).atZone(IST).toInstant().toEpochMilli();
                } catch (DateTimeParseException e3) {
                    return 0; // an unreadable timestamp must not lose the rest of the record
                }
            }
        }
    }

    static long candleMillis(String s) {
        return OffsetDateTime.parse(s, CANDLE_TIME).toInstant().toEpochMilli();
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    static Order order(JsonNode n) {
        String id = text(n, "order_id");
        return new Order(id, text(n, "exchange_order_id"), text(n, "status"), text(n, "status_message"),
                text(n, "variety"), text(n, "exchange"), text(n, "tradingsymbol"), token(n, id),
                text(n, "transaction_type"), text(n, "order_type"), text(n, "product"), text(n, "validity"),
                count(n, "quantity", id), count(n, "filled_quantity", id), count(n, "pending_quantity", id),
                count(n, "cancelled_quantity", id), price(n, "price", id), price(n, "trigger_price", id),
                price(n, "average_price", id), text(n, "tag"), istMillis(n.get("order_timestamp")),
                istMillis(n.get("exchange_timestamp")));
    }

    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]{1,18}");
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /**
     * A number of shares (quantity, filled, pending, cancelled): a whole number from 0 up, absent = 0. Anything else
     * (negative, fractional, out of range, not a number) is a broken order record, refused with the field named: a
     * garbled quantity must never reach the order executor as if the exchange had said it.
     */
    private static long count(JsonNode n, String field, String orderId) {
        try {
            return count(n.get(field), field);
        } catch (IllegalArgumentException e) {
            throw broken(orderId, e.getMessage());
        }
    }

    /**
     * A count (shares, volume): a whole number from 0 up (digits as text accepted); absent or null = 0.
     *
     * @throws IllegalArgumentException naming the field and the value otherwise
     */
    static long count(JsonNode v, String field) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return 0;
        }
        BigDecimal d = null;
        if (v.isNumber()) {
            d = v.decimalValue();
        } else if (v.isTextual() && DIGITS.matcher(v.asText().trim()).matches()) {
            d = new BigDecimal(v.asText().trim());
        }
        if (d == null || d.signum() < 0 || d.stripTrailingZeros().scale() > 0 || d.compareTo(LONG_MAX) > 0) {
            throw new IllegalArgumentException(field + " is " + shown(v) + ", not a whole number from 0 up");
        }
        return d.longValueExact();
    }

    /** A price in rupees, or null when absent or not a number; a negative or absurdly large one is refused. */
    private static BigDecimal price(JsonNode n, String field, String orderId) {
        BigDecimal d = decimal(n.get(field));
        if (d != null && (d.signum() < 0 || d.precision() - d.scale() > MAX_INTEGER_DIGITS)) {
            throw broken(orderId, field + " is " + shown(n.get(field)) + ", not a price");
        }
        return d;
    }

    private static long token(JsonNode n, String orderId) {
        JsonNode v = n.get("instrument_token");
        if (v == null || v.isNull()) {
            return 0;
        }
        if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0 && v.longValue() <= 0xFFFF_FFFFL) {
            return v.longValue();
        }
        if (v.isTextual() && DIGITS.matcher(v.asText().trim()).matches() && Long.parseLong(v.asText().trim()) <= 0xFFFF_FFFFL) {
            return Long.parseLong(v.asText().trim());
        }
        throw broken(orderId, "instrument_token is " + shown(v) + ", not an instrument token");
    }

    private static DataException broken(String orderId, String what) {
        return new DataException("order " + (orderId.isEmpty() ? "(no order_id)" : orderId) + ": " + what, 0, "");
    }

    private static String shown(JsonNode v) {
        String s = v.toString();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
