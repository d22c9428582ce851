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
        return new Order(text(n, "order_id"), text(n, "exchange_order_id"), text(n, "status"), text(n, "status_message"),
                text(n, "variety"), text(n, "exchange"), text(n, "tradingsymbol"), n.path("instrument_token").asLong(0),
                text(n, "transaction_type"), text(n, "order_type"), text(n, "product"), text(n, "validity"),
                n.path("quantity").asLong(0), n.path("filled_quantity").asLong(0), n.path("pending_quantity").asLong(0),
                n.path("cancelled_quantity").asLong(0), decimal(n.get("price")), decimal(n.get("trigger_price")),
                decimal(n.get("average_price")), text(n, "tag"), istMillis(n.get("order_timestamp")),
                istMillis(n.get("exchange_timestamp")));
    }
}
