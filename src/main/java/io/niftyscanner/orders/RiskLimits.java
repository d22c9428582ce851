package io.niftyscanner.orders;

import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import java.util.Optional;

/**
 * The checks a new entry must pass (design.md 8), each failing with the reason a trader reads in the journal and on
 * the order line: blocks (breaker, stopped, square-off done, venue not read), market hours, the signal's age, a stop
 * and target on either side of the price, orders per day, open positions, one trade per symbol, per-symbol cooldown.
 * The client-side order rate is not a refusal: writes wait their turn ({@link OrderRateLimiter}).
 */
final class RiskLimits {
    /**
     * The day so far, as the executor knows it.
     *
     * @param entryBlock      why no entry may be made at all now, or empty
     * @param lastEntryMillis market time of the symbol's last entry today, or null
     */
    record Day(String entryBlock, int entriesToday, long openTrades, boolean symbolBusy, Long lastEntryMillis) {}

    private final OrderSettings settings;

    RiskLimits(OrderSettings settings) {
        this.settings = settings;
    }

    /** Why the signal must not be traded, or empty. Prices in paise; stop and target 0 when the ATR is not ready. */
    Optional<String> refuse(Signal s, Instrument in, long now, long price, long stop, long target, Day day) {
        if (!day.entryBlock().isEmpty()) {
            return Optional.of(day.entryBlock());
        }
        if (!SessionCalendar.inSessionHours(now)) {
            return Optional.of("outside market hours (" + SessionCalendar.ist(now).toLocalTime().withNano(0) + " IST)");
        }
        if (SessionCalendar.istMillisOfDay(now) / 60_000L >= settings.squareOffTime().toSecondOfDay() / 60) {
            return Optional.of("after the square-off time " + settings.squareOffTime() + " (orders.squareoff.time)");
        }
        long age = now - s.timeMillis();
        if (age > settings.signalMaxAgeSeconds() * 1000L) {
            return Optional.of("stale: raised " + age / 1000 + " s ago, more than orders.signal.max.age.seconds = "
                    + settings.signalMaxAgeSeconds());
        }
        if (stop <= 0 || target <= 0) {
            return Optional.of("no stop and target: the ATR is not ready yet, and a trade without a stop is not placed");
        }
        boolean buy = s.side() == Side.BUY;
        if (buy ? !(stop < price && price < target) : !(target < price && price < stop)) {
            return Optional.of("stop " + Money.rupees(stop) + " and target " + Money.rupees(target)
                    + " are not on either side of the price " + Money.rupees(price));
        }
        if (day.entriesToday() >= settings.maxOrdersPerDay()) {
            return Optional.of("risk.max.orders.per.day reached: " + day.entriesToday() + " entries today");
        }
        if (day.openTrades() >= settings.maxOpenPositions()) {
            return Optional.of("risk.max.open.positions reached: " + day.openTrades() + " positions open or opening");
        }
        if (day.symbolBusy()) {
            return Optional.of("a " + in.symbol() + " position is already open or opening");
        }
        Long last = day.lastEntryMillis();
        if (last != null && now - last < settings.symbolCooldownSeconds() * 1000L) {
            return Optional.of("cooldown: " + in.symbol() + " was entered " + (now - last) / 1000
                    + " s ago, risk.symbol.cooldown.seconds = " + settings.symbolCooldownSeconds());
        }
        return Optional.empty();
    }
}
