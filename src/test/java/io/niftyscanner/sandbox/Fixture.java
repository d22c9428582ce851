package io.niftyscanner.sandbox;

import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.testing.MutableClock;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** A sandbox on free ports with hand-moved market and wall clocks and no background pump. */
final class Fixture implements AutoCloseable {
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    final ManualMarketClock market;
    final MutableClock wall;
    final SandboxExchange exchange;

    Fixture(long seed, LocalTime start) throws IOException {
        this(seed, start, false);
    }

    Fixture(long seed, LocalTime start, boolean autoPump) throws IOException {
        Instant t = MONDAY.atTime(start).atZone(SessionCalendar.IST).toInstant();
        market = new ManualMarketClock(t);
        wall = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        exchange = SandboxExchange.start(SandboxOptions.defaults().withSeed(seed).withMarketClock(market).withWallClock(wall)
                .withAutoPump(autoPump));
    }

    Rest rest() {
        return new Rest(exchange.restUrl(), "sandbox", "sandbox");
    }

    WsTestClient ws() throws InterruptedException {
        return WsTestClient.connect(exchange.wsUrl(), "sandbox", "sandbox");
    }

    static long ist(LocalTime t) {
        return MONDAY.atTime(t).atZone(SessionCalendar.IST).toInstant().toEpochMilli();
    }

    @Override
    public void close() {
        exchange.close();
    }
}
