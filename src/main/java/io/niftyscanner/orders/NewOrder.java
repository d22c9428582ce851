package io.niftyscanner.orders;

import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.Side;

/**
 * An order to send. Prices are paise, already on the instrument's tick (0 = none).
 *
 * @param marketProtection for MARKET and SL-M: -1 automatic, 1..100 percent (Kite requires it for API market orders)
 */
public record NewOrder(String tag, Instrument instrument, Side side, long quantity, OrderType type, long pricePaise,
                       long triggerPaise, String product, int marketProtection) {

    public NewOrder {
        if (quantity <= 0) {
            throw new IllegalArgumentException("order quantity must be positive, not " + quantity);
        }
        if ((type == OrderType.LIMIT || type == OrderType.SL) && pricePaise <= 0) {
            throw new IllegalArgumentException(type + " order for " + instrument.symbol() + " needs a price");
        }
        if ((type == OrderType.SL || type == OrderType.SL_M) && triggerPaise <= 0) {
            throw new IllegalArgumentException(type.wire() + " order for " + instrument.symbol() + " needs a trigger price");
        }
    }
}
