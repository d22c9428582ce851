package io.niftyscanner.orders;

import java.time.LocalTime;

/** Order settings for tests: the config defaults, auto-trade on, changed one field at a time. */
final class Settings {
    boolean live;
    Sizing sizing = Sizing.FIXED;
    long quantity = 10;
    long capitalPaise = 10_000_00L;
    long riskPaise = 500_00L;
    boolean limitEntry;
    boolean watchTarget;
    int entryTimeoutSeconds = 300;
    int signalMaxAgeSeconds = 120;
    LocalTime squareOff = LocalTime.of(15, 20);
    int maxOrdersPerDay = 20;
    int maxOpen = 5;
    long maxLossPaise = 5_000_00L;
    int cooldownSeconds = 300;
    int ratePerSecond = 10;
    boolean breakerSquareOff = true;
    int slippageTicks = 1;

    OrderSettings build() {
        return new OrderSettings(true, live, sizing, quantity, capitalPaise, riskPaise, "MIS", limitEntry, -1, watchTarget,
                entryTimeoutSeconds, signalMaxAgeSeconds, squareOff, maxOrdersPerDay, maxOpen, maxLossPaise, cooldownSeconds,
                ratePerSecond, breakerSquareOff, slippageTicks, ChargeRates.ZERODHA_NSE_INTRADAY);
    }

    static java.util.function.UnaryOperator<OrderSettings> of(java.util.function.Consumer<Settings> change) {
        return ignored -> {
            Settings s = new Settings();
            change.accept(s);
            return s.build();
        };
    }
}
