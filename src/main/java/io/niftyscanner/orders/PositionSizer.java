package io.niftyscanner.orders;

import io.niftyscanner.market.Instrument;

/** The entry quantity for a signal, by the configured sizing, rounded down to the lot size. */
final class PositionSizer {
    private final OrderSettings s;

    PositionSizer(OrderSettings s) {
        this.s = s;
    }

    /**
     * @param pricePaise the signal price
     * @param stopPaise  the ATR stop, 0 when there is none
     * @return the quantity, a multiple of the lot size; 0 when the rule yields less than one lot
     */
    long quantity(Instrument in, long pricePaise, long stopPaise) {
        long raw;
        switch (s.sizing()) {
            case CAPITAL:
                raw = pricePaise <= 0 ? 0 : s.capitalPerTradePaise() / pricePaise;
                break;
            case RISK:
                long perShare = Math.abs(pricePaise - stopPaise);
                raw = stopPaise <= 0 || perShare == 0 ? 0 : s.riskPerTradePaise() / perShare;
                break;
            default:
                raw = s.fixedQuantity();
        }
        int lot = Math.max(1, in.lotSize());
        return raw - raw % lot;
    }

    String explainZero(Instrument in, long pricePaise, long stopPaise) {
        switch (s.sizing()) {
            case CAPITAL:
                return "orders.capital.per.trade " + Money.rupees(s.capitalPerTradePaise()) + " buys less than one lot of "
                        + in.lotSize() + " at " + Money.rupees(pricePaise);
            case RISK:
                return stopPaise <= 0 ? "risk sizing needs the ATR stop, which is not ready yet"
                        : "orders.risk.per.trade " + Money.rupees(s.riskPerTradePaise()) + " is less than one lot's risk ("
                        + in.lotSize() + " x " + Money.rupees(Math.abs(pricePaise - stopPaise)) + ")";
            default:
                return "orders.quantity " + s.fixedQuantity() + " is less than the lot size " + in.lotSize();
        }
    }
}
