package io.niftyscanner.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.Side;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every risk limit and the loss breaker: a refused signal is journaled with its reason and no order is sent. */
class RiskLimitsTest {
    @TempDir
    Path dir;

    private static String lastRefusal(PaperRig rig) {
        List<Map<String, Object>> r = rig.journal.trades().refusals(PaperRig.DAY.toString());
        return r.isEmpty() ? "" : (String) r.get(r.size() - 1).get("reason");
    }

    private static void open(PaperRig rig, io.niftyscanner.market.Instrument in, double price) {
        rig.market(in, price - 0.05, price + 0.05, price);
        rig.send(rig.signal(in, Side.BUY, price, price - 10, price + 20));
    }

    @Test
    void ordersPerDay() {
        try (PaperRig rig = new PaperRig(dir, Settings.of(s -> s.maxOrdersPerDay = 2))) {
            open(rig, PaperRig.RELIANCE, 1400);
            open(rig, PaperRig.INFY, 1600);
            open(rig, PaperRig.TCS, 3500);
            assertThat(rig.placed).extracting(o -> o.instrument().symbol()).doesNotContain("TCS");
            assertThat(lastRefusal(rig)).contains("risk.max.orders.per.day").contains("2 entries");
            assertThat(rig.events("TCS")).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo("REFUSED"));
        }
    }

    @Test
    void ordersPerDayCountsEntriesJournaledBeforeARestart() {
        try (PaperRig rig = new PaperRig(dir, Settings.of(s -> s.maxOrdersPerDay = 2))) {
            open(rig, PaperRig.RELIANCE, 1400);
            open(rig, PaperRig.INFY, 1600);
            rig.stop();
            rig.start();
            open(rig, PaperRig.TCS, 3500);
            assertThat(lastRefusal(rig)).contains("risk.max.orders.per.day");
        }
    }

    @Test
    void openPositions() {
        try (PaperRig rig = new PaperRig(dir, Settings.of(s -> s.maxOpen = 1))) {
            open(rig, PaperRig.RELIANCE, 1400);
            open(rig, PaperRig.INFY, 1600);
            assertThat(lastRefusal(rig)).contains("risk.max.open.positions").contains("1 positions open");
            rig.last(PaperRig.RELIANCE, 1420); // the target closes the first trade
            rig.runner.advance(300_000);
            open(rig, PaperRig.INFY, 1600);
            assertThat(rig.view().positions()).filteredOn(p -> p.symbol().equals("INFY")).singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isEqualTo(10));
        }
    }

    @Test
    void perSymbolCooldownOnTheMarketClock() {
        try (PaperRig rig = new PaperRig(dir, Settings.of(s -> s.cooldownSeconds = 600))) {
            open(rig, PaperRig.RELIANCE, 1400);
            rig.last(PaperRig.RELIANCE, 1420); // closed at the target
            rig.runner.advance(300_000);
            open(rig, PaperRig.RELIANCE, 1410);
            assertThat(lastRefusal(rig)).contains("cooldown").contains("RELIANCE was entered 300 s ago");
            rig.runner.advance(300_000); // 600 s after the entry
            open(rig, PaperRig.RELIANCE, 1410);
            assertThat(rig.placed).filteredOn(o -> o.instrument().symbol().equals("RELIANCE") && o.tag().startsWith("NSE"))
                    .hasSize(2);
        }
    }

    @Test
    void oneTradePerSymbolAtATime() {
        try (PaperRig rig = new PaperRig(dir, Settings.of(s -> s.cooldownSeconds = 0))) {
            open(rig, PaperRig.SBIN, 800);
            rig.runner.advance(300_000);
            rig.market(PaperRig.SBIN, 799.95, 800.05, 800);
            rig.send(rig.signal(PaperRig.SBIN, Side.SELL, 800, 810, 780));
            assertThat(lastRefusal(rig)).contains("SBIN position is already open");
        }
    }

    @Test
    void clientSideOrderRateIsAtMostTheLimitInAnySecond() {
        try (PaperRig rig = new PaperRig(dir, Settings.of(s -> {
            s.ratePerSecond = 4;
            s.maxOrdersPerDay = 100;
        }))) {
            for (io.niftyscanner.market.Instrument in : PaperRig.INSTRUMENTS) {
                rig.market(in, 999.95, 1000.05, 1000);
                rig.send(rig.signal(in, Side.BUY, 1000, 990, 1020));
            }
            // 5 entries, each followed by its stop and target: 15 orders, at most 4 in any one second
            assertThat(rig.placed).hasSize(15);
            List<Long> t = new ArrayList<>(rig.placedAtMillis);
            for (int i = 4; i < t.size(); i++) {
                assertThat(t.get(i) - t.get(i - 4)).as("orders %d and %d", i - 4, i).isGreaterThanOrEqualTo(1000);
            }
            assertThat(rig.clock.sleptMillis()).isGreaterThanOrEqualTo(3000);
        }
    }

    @Test
    void staleSignalsOutsideHoursAndSignalsWithoutAStopAreRefused() {
        try (PaperRig rig = new PaperRig(dir, Settings.of(s -> s.signalMaxAgeSeconds = 60), LocalTime.of(9, 30))) {
            rig.market(PaperRig.RELIANCE, 1399.95, 1400.05, 1400);
            var old = rig.signal(PaperRig.RELIANCE, Side.BUY, 1400, 1390, 1420);
            rig.runner.advance(61_000);
            rig.send(old);
            assertThat(lastRefusal(rig)).contains("stale: raised 61 s ago");
            rig.send(rig.signal(PaperRig.INFY, Side.BUY, 1600, Double.NaN, Double.NaN));
            assertThat(lastRefusal(rig)).contains("ATR is not ready");
            rig.send(rig.signal(PaperRig.TCS, Side.BUY, 3500, 3510, 3520));
            assertThat(lastRefusal(rig)).contains("not on either side");
            assertThat(rig.placed).isEmpty();
        }
        try (PaperRig rig = new PaperRig(dir.resolve("b"), Settings.of(s -> { }), LocalTime.of(9, 10))) {
            rig.send(rig.signal(PaperRig.RELIANCE, Side.BUY, 1400, 1390, 1420));
            assertThat(lastRefusal(rig)).contains("outside market hours");
        }
    }

    @Test
    void aSignalTheJournalDoesNotHoldIsNotTraded() {
        try (PaperRig rig = new PaperRig(dir, Settings.of(s -> { }))) {
            rig.market(PaperRig.RELIANCE, 1399.95, 1400.05, 1400);
            rig.executor.onSignal(rig.signal(PaperRig.RELIANCE, Side.BUY, 1400, 1390, 1420)); // not journaled
            assertThat(lastRefusal(rig)).contains("not in the journal");
            assertThat(rig.placed).isEmpty();
        }
    }

    @Test
    void sizingByCapitalAndByRiskRoundsDownToTheLot() {
        try (PaperRig rig = new PaperRig(dir, Settings.of(s -> {
            s.sizing = Sizing.CAPITAL;
            s.capitalPaise = 10_000_00L;
        }))) {
            open(rig, PaperRig.RELIANCE, 1400); // 10,000 / 1,400 = 7.14 -> 7
            assertThat(rig.placed.get(0).quantity()).isEqualTo(7);
        }
        try (PaperRig rig = new PaperRig(dir.resolve("b"), Settings.of(s -> {
            s.sizing = Sizing.RISK;
            s.riskPaise = 500_00L;
        }))) {
            rig.market(PaperRig.INFY, 1599.95, 1600.05, 1600);
            rig.send(rig.signal(PaperRig.INFY, Side.BUY, 1600, 1592.50, 1615)); // 500 / 7.50 = 66.7 -> 66
            assertThat(rig.placed.get(0).quantity()).isEqualTo(66);
            rig.market(PaperRig.TCS, 3499.95, 3500.05, 3500);
            rig.send(rig.signal(PaperRig.TCS, Side.BUY, 3500, 2900, 4000)); // 500 / 600 < 1 share
            assertThat(lastRefusal(rig)).contains("orders.risk.per.trade 500.00 is less than one lot's risk");
        }
    }

    @Test
    void theLossBreakerTripsSaysWhySquaresOffAndBlocksEntriesUntilTheNextSession() {
        try (PaperRig rig = new PaperRig(dir, Settings.of(s -> {
            s.maxLossPaise = 300_00L;
            s.cooldownSeconds = 0;
        }))) {
            rig.market(PaperRig.RELIANCE, 1399.95, 1400.05, 1400);
            rig.send(rig.signal(PaperRig.RELIANCE, Side.BUY, 1400, 1350, 1450)); // 10 @ 1400.10
            rig.last(PaperRig.RELIANCE, 1380); // -201.00 open, charges ~5.9: still under the limit
            assertThat(rig.view().breaker().tripped()).isFalse();
            rig.last(PaperRig.RELIANCE, 1370); // -301.00 open: tripped
            TradingView v = rig.view();
            assertThat(v.breaker().tripped()).isTrue();
            assertThat(v.breaker().reason()).contains("risk.max.loss.per.day = Rs 300.00").contains("next session");
            assertThat(rig.breakers).hasSize(1);
            assertThat(v.positions()).allSatisfy(p -> assertThat(p.quantity()).isZero());
            assertThat(rig.journal.trades().breakerTrip(PaperRig.DAY.toString())).isPresent();

            rig.runner.advance(300_000);
            open(rig, PaperRig.INFY, 1600);
            assertThat(lastRefusal(rig)).contains("loss breaker tripped");

            rig.stop(); // survives a restart the same day
            rig.start();
            rig.runner.advance(300_000);
            open(rig, PaperRig.TCS, 3500);
            assertThat(lastRefusal(rig)).contains("loss breaker tripped");

            rig.clock.set(PaperRig.DAY.plusDays(1).atTime(9, 30).atZone(io.niftyscanner.market.SessionCalendar.IST)
                    .toInstant().toEpochMilli());
            rig.runner.advance(1_000);
            open(rig, PaperRig.TCS, 3500);
            assertThat(rig.view().breaker().tripped()).isFalse();
            assertThat(rig.view().positions()).filteredOn(p -> p.symbol().equals("TCS")).singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isEqualTo(10));
        }
    }
}
