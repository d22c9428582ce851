package io.niftyscanner.orders;

import io.niftyscanner.market.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Indian equity intraday charges of one executed order (charges.md). Each order is charged on its own turnover:
 * brokerage = min(rate x turnover, cap); STT on the sell side, rounded to the rupee as contract notes round it;
 * exchange transaction charge and SEBI fee on both sides; stamp duty on the buy side; GST on brokerage + exchange
 * charge + SEBI fee. Every other component is rounded half-up to the paisa. A contract note rounds STT over the
 * day's sells of a scrip, so a day with several sells of one scrip can differ from it by under a rupee.
 */
public final class ChargeModel {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal CRORE_PAISE = BigDecimal.valueOf(1_000_000_000L);
    private final ChargeRates rates;

    public ChargeModel(ChargeRates rates) {
        this.rates = rates;
    }

    public ChargeRates rates() {
        return rates;
    }

    /** The charges of one executed order of the given side and turnover (price x quantity, in paise). */
    public Charges order(Side side, long turnoverPaise) {
        if (turnoverPaise < 0) {
            throw new IllegalArgumentException("turnover cannot be negative: " + turnoverPaise);
        }
        BigDecimal turnover = BigDecimal.valueOf(turnoverPaise);
        long brokerage = Math.min(paise(percent(turnover, rates.brokeragePercent())),
                rates.brokerageCapRupees().multiply(HUNDRED).setScale(0, RoundingMode.HALF_UP).longValueExact());
        long stt = side == Side.SELL ? rupees(percent(turnover, rates.sttSellPercent())) : 0;
        long exchange = paise(percent(turnover, rates.exchangePercent()));
        long sebi = paise(turnover.multiply(rates.sebiPerCrore()).multiply(HUNDRED).divide(CRORE_PAISE));
        long stamp = side == Side.BUY ? paise(percent(turnover, rates.stampBuyPercent())) : 0;
        long gst = paise(percent(BigDecimal.valueOf(brokerage + exchange + sebi), rates.gstPercent()));
        return new Charges(brokerage, stt, exchange, sebi, stamp, gst);
    }

    /** A buy and a sell of the same quantity: the charges of both orders. */
    public Charges roundTrip(long buyTurnoverPaise, long sellTurnoverPaise) {
        return order(Side.BUY, buyTurnoverPaise).plus(order(Side.SELL, sellTurnoverPaise));
    }

    private static BigDecimal percent(BigDecimal amountPaise, BigDecimal percent) {
        return amountPaise.multiply(percent).divide(HUNDRED);
    }

    private static long paise(BigDecimal paise) {
        return paise.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static long rupees(BigDecimal paise) {
        return paise.divide(HUNDRED).setScale(0, RoundingMode.HALF_UP).longValueExact() * 100;
    }
}
