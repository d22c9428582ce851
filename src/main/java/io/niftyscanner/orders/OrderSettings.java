package io.niftyscanner.orders;

import io.niftyscanner.config.ScannerConfig;
import java.math.BigDecimal;
import java.time.LocalTime;

/**
 * Everything the executor is told by config (design.md 8). Money in paise.
 *
 * @param marketProtection     on MARKET and SL-M orders: -1 automatic, 1..100 percent
 * @param limitEntry           LIMIT at the signal price instead of MARKET
 * @param watchTarget          watch the target and exit at the market, instead of a LIMIT order at the exchange
 * @param entryTimeoutSeconds  an unfilled LIMIT entry is cancelled after this long
 * @param signalMaxAgeSeconds  a signal older than this (market time) is not traded
 */
public record OrderSettings(boolean autoTrade, boolean live, Sizing sizing, long fixedQuantity, long capitalPerTradePaise,
                            long riskPerTradePaise, String product, boolean limitEntry, int marketProtection,
                            boolean watchTarget, int entryTimeoutSeconds, int signalMaxAgeSeconds, LocalTime squareOffTime,
                            int maxOrdersPerDay, int maxOpenPositions, long maxLossPerDayPaise, int symbolCooldownSeconds,
                            int orderRatePerSecond, boolean breakerSquareOff, int paperSlippageTicks, ChargeRates charges) {

    public static OrderSettings from(ScannerConfig.Orders o) {
        ScannerConfig.Charges c = o.charges();
        return new OrderSettings(o.autoTrade(), o.live(), Sizing.valueOf(o.sizing()), o.quantity(), paise(o.capitalPerTrade()),
                paise(o.riskPerTrade()), o.product(), o.entryType().equals("LIMIT"), o.marketProtection(),
                o.target().equals("WATCH"), o.entryTimeoutSeconds(), o.signalMaxAgeSeconds(), o.squareOffTime(),
                o.maxOrdersPerDay(), o.maxOpenPositions(), paise(o.maxLossPerDay()), o.symbolCooldownSeconds(),
                o.orderRatePerSecond(), o.breakerSquareOff(), o.paperSlippageTicks(),
                new ChargeRates(c.brokeragePercent(), c.brokerageCapRupees(), c.sttSellPercent(), c.exchangePercent(),
                        c.sebiPerCrore(), c.stampBuyPercent(), c.gstPercent(), c.source()));
    }

    /** The defaults of config/scanner.properties. */
    public static OrderSettings defaults() {
        return new OrderSettings(false, false, Sizing.FIXED, 1, 10_000_00L, 500_00L, "MIS", false, -1, false, 300, 120,
                LocalTime.of(15, 20), 20, 5, 5_000_00L, 300, 10, true, 1, ChargeRates.ZERODHA_NSE_INTRADAY);
    }

    private static long paise(double rupees) {
        return BigDecimal.valueOf(rupees).movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    public OrderSettings withAutoTrade(boolean on) {
        return new OrderSettings(on, live, sizing, fixedQuantity, capitalPerTradePaise, riskPerTradePaise, product, limitEntry,
                marketProtection, watchTarget, entryTimeoutSeconds, signalMaxAgeSeconds, squareOffTime, maxOrdersPerDay,
                maxOpenPositions, maxLossPerDayPaise, symbolCooldownSeconds, orderRatePerSecond, breakerSquareOff,
                paperSlippageTicks, charges);
    }
}
