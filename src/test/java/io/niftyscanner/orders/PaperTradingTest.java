package io.niftyscanner.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.niftyscanner.journal.FillRow;
import io.niftyscanner.market.Side;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor on the paper gateway: fills at the touch, OCO, charges in the P&L, square-off on a moved clock. */
class PaperTradingTest {
    @TempDir
    Path dir;

    private static OrderSettings tenShares(OrderSettings s) {
        return new OrderSettings(true, false, Sizing.FIXED, 10, s.capitalPerTradePaise(), s.riskPerTradePaise(), "MIS", false,
                -1, false, 300, 120, LocalTime.of(15, 20), 20, 5, 5_000_00L, 300, 10, true, 1, ChargeRates.ZERODHA_NSE_INTRADAY);
    }

    @Test
    void entryFillsAtTheTouchThenTheTargetFillsAndTheStopIsCancelled() {
        try (PaperRig rig = new PaperRig(dir, PaperTradingTest::tenShares)) {
            rig.market(PaperRig.RELIANCE, 1399.90, 1400.10, 1400.00);
            rig.send(rig.signal(PaperRig.RELIANCE, Side.BUY, 1400.00, 1390.00, 1420.00));

            // bought at the ask 1400.10 plus one tick of slippage
            TradingView v = rig.view();
            assertThat(v.mode()).isEqualTo("PAPER");
            assertThat(v.gateway()).isEqualTo("paper");
            assertThat(v.positions()).singleElement().satisfies(p -> {
                assertThat(p.quantity()).isEqualTo(10);
                assertThat(p.averagePrice()).isEqualTo(1400.15);
            });
            List<TradingView.OrderRow> open = v.openOrders();
            assertThat(open).extracting(TradingView.OrderRow::role).containsExactlyInAnyOrder("STOP", "TARGET");
            assertThat(open).filteredOn(o -> o.role().equals("STOP")).singleElement().satisfies(o -> {
                assertThat(o.orderType()).isEqualTo("SL-M");
                assertThat(o.side()).isEqualTo("SELL");
                assertThat(o.triggerPrice()).isEqualTo(1390.00);
                assertThat(o.status()).isEqualTo("TRIGGER PENDING");
            });
            assertThat(open).filteredOn(o -> o.role().equals("TARGET")).singleElement().satisfies(o -> {
                assertThat(o.orderType()).isEqualTo("LIMIT");
                assertThat(o.price()).isEqualTo(1420.00);
                assertThat(o.status()).isEqualTo("OPEN");
            });

            rig.last(PaperRig.RELIANCE, 1410.00);
            assertThat(rig.view().openOrders()).hasSize(2);
            rig.last(PaperRig.RELIANCE, 1420.00);

            v = rig.view();
            assertThat(v.openOrders()).isEmpty();
            assertThat(v.orders()).filteredOn(o -> o.role().equals("STOP")).singleElement()
                    .satisfies(o -> assertThat(o.status()).isEqualTo("CANCELLED"));
            assertThat(v.orders()).filteredOn(o -> o.role().equals("TARGET")).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo("COMPLETE");
                assertThat(o.averagePrice()).isEqualTo(1420.00);
            });
            // realised: 10 x (1420.00 - 1400.15) = 198.50
            // charges, buy 10 @ 1400.15 = 14,001.50: brokerage 0.03% = 4.20045 -> 4.20; exchange 0.00297% = 0.4158 -> 0.42;
            //   SEBI 0.0140 -> 0.01; stamp 0.003% = 0.42004 -> 0.42; GST 18% x 4.63 = 0.8334 -> 0.83; total 5.88
            // sell 10 @ 1420.00 = 14,200: brokerage 4.26; STT 0.025% = 3.55 -> Rs 4; exchange 0.42174 -> 0.42;
            //   SEBI 0.0142 -> 0.01; GST 18% x 4.69 = 0.8442 -> 0.84; total 9.53
            // net = 198.50 - 15.41 = 183.09
            assertThat(v.realised()).isCloseTo(198.50, offset(0.001));
            assertThat(v.charges().total()).isCloseTo(15.41, offset(0.001));
            assertThat(v.charges().stt()).isCloseTo(4.00, offset(0.001));
            assertThat(v.net()).isCloseTo(183.09, offset(0.001));
            assertThat(v.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isZero());

            List<FillRow> fills = rig.journal.trades().fills(PaperRig.DAY.toString());
            assertThat(fills).extracting(FillRow::pricePaise).containsExactly(1400_15L, 1420_00L);
            assertThat(fills.get(1).realisedPaise()).isEqualTo(198_50L);
            assertThat(fills.get(0).chargesPaise() + fills.get(1).chargesPaise()).isEqualTo(15_41L);
        }
    }

    @Test
    void theStopTriggersAtItsPriceAndTheTargetIsCancelled() {
        try (PaperRig rig = new PaperRig(dir, PaperTradingTest::tenShares)) {
            rig.market(PaperRig.INFY, 1599.95, 1600.00, 1600.00);
            rig.send(rig.signal(PaperRig.INFY, Side.SELL, 1600.00, 1610.00, 1580.00));
            // sold at the bid less a tick
            assertThat(rig.view().positions()).singleElement().satisfies(p -> {
                assertThat(p.quantity()).isEqualTo(-10);
                assertThat(p.averagePrice()).isEqualTo(1599.90);
            });
            rig.last(PaperRig.INFY, 1609.95);
            assertThat(rig.view().openOrders()).hasSize(2);
            rig.last(PaperRig.INFY, 1610.20);
            TradingView v = rig.view();
            assertThat(v.openOrders()).isEmpty();
            assertThat(v.orders()).filteredOn(o -> o.role().equals("STOP")).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo("COMPLETE");
                assertThat(o.side()).isEqualTo("BUY");
                assertThat(o.averagePrice()).isEqualTo(1610.25); // the triggering trade plus a tick
            });
            assertThat(v.orders()).filteredOn(o -> o.role().equals("TARGET")).singleElement()
                    .satisfies(o -> assertThat(o.status()).isEqualTo("CANCELLED"));
            assertThat(v.realised()).isCloseTo(10 * (1599.90 - 1610.25), offset(0.001));
        }
    }

    @Test
    void openPositionsAreSquaredOffAtTheConfiguredTimeOnTheMarketClock() {
        try (PaperRig rig = new PaperRig(dir, PaperTradingTest::tenShares, LocalTime.of(15, 19, 0))) {
            rig.market(PaperRig.TCS, 3499.95, 3500.05, 3500.00);
            rig.send(rig.signal(PaperRig.TCS, Side.BUY, 3500.00, 3480.00, 3540.00));
            rig.market(PaperRig.SBIN, 799.95, 800.05, 800.00);
            rig.send(rig.signal(PaperRig.SBIN, Side.SELL, 800.00, 805.00, 790.00));
            assertThat(rig.view().positions()).extracting(TradingView.PositionRow::quantity).containsExactlyInAnyOrder(10L, -10L);

            rig.runner.advance(59_000); // 15:19:59
            assertThat(rig.view().openOrders()).hasSize(4);
            rig.market(PaperRig.TCS, 3501.00, 3501.10, 3501.05);
            rig.market(PaperRig.SBIN, 799.00, 799.10, 799.05);
            rig.runner.advance(1_000); // 15:20:00: the next housekeeping sees the square-off time

            TradingView v = rig.view();
            assertThat(v.positions()).allSatisfy(p -> assertThat(p.quantity()).isZero());
            assertThat(v.openOrders()).isEmpty();
            // the resting stop became a MARKET order: it closed the position, the target was cancelled
            assertThat(v.orders()).filteredOn(o -> o.symbol().equals("TCS") && o.role().equals("STOP")).singleElement()
                    .satisfies(o -> {
                        assertThat(o.status()).isEqualTo("COMPLETE");
                        assertThat(o.averagePrice()).isEqualTo(3500.95); // the bid less a tick
                    });
            assertThat(v.orders()).filteredOn(o -> o.role().equals("TARGET")).allSatisfy(o -> assertThat(o.status())
                    .isEqualTo("CANCELLED"));
            assertThat(v.entryBlock()).contains("squared off at 15:20");

            rig.send(rig.signal(PaperRig.INFY, Side.BUY, 1600.00, 1590.00, 1620.00));
            assertThat(rig.journal.trades().refusals(PaperRig.DAY.toString())).last()
                    .satisfies(r -> assertThat((String) r.get("reason")).contains("15:20"));
        }
    }

    @Test
    void stopTradingCancelsPendingOrdersSquaresOffAndBlocksEntriesUntilResumed() {
        try (PaperRig rig = new PaperRig(dir, s -> new OrderSettings(true, false, Sizing.FIXED, 10, 0, 0, "MIS", true, -1, false,
                300, 120, LocalTime.of(15, 20), 20, 5, 5_000_00L, 0, 10, true, 1, ChargeRates.ZERODHA_NSE_INTRADAY))) {
            rig.market(PaperRig.RELIANCE, 1399.90, 1400.10, 1400.00);
            rig.send(rig.signal(PaperRig.RELIANCE, Side.BUY, 1400.00, 1390.00, 1420.00)); // LIMIT at 1400.00: fills on a trade there
            rig.last(PaperRig.RELIANCE, 1399.95);
            rig.market(PaperRig.HDFCBANK, 1700.10, 1700.20, 1700.15);
            rig.send(rig.signal(PaperRig.HDFCBANK, Side.BUY, 1699.00, 1690.00, 1720.00)); // rests below the market
            TradingView v = rig.view();
            assertThat(v.positions()).filteredOn(p -> p.symbol().equals("RELIANCE")).singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isEqualTo(10));
            assertThat(v.openOrders()).filteredOn(o -> o.symbol().equals("HDFCBANK")).singleElement()
                    .satisfies(o -> assertThat(o.role()).isEqualTo("ENTRY"));

            rig.executor.stopTrading("testing the button");
            v = rig.view();
            assertThat(v.openOrders()).isEmpty();
            assertThat(v.positions()).allSatisfy(p -> assertThat(p.quantity()).isZero());
            assertThat(v.orders()).filteredOn(o -> o.symbol().equals("HDFCBANK")).singleElement()
                    .satisfies(o -> assertThat(o.status()).isEqualTo("CANCELLED"));
            assertThat(v.entryBlock()).contains("testing the button");

            rig.send(rig.signal(PaperRig.SBIN, Side.BUY, 800.00, 795.00, 810.00));
            assertThat(rig.events("SBIN")).singleElement().satisfies(e -> {
                assertThat(e.status()).isEqualTo("REFUSED");
                assertThat(e.message()).contains("trading stopped");
            });
            rig.executor.resumeTrading();
            rig.market(PaperRig.SBIN, 799.95, 800.05, 800.00);
            rig.runner.advance(300_000); // the next candle: a new signal
            rig.market(PaperRig.SBIN, 799.95, 800.05, 800.00);
            rig.send(rig.signal(PaperRig.SBIN, Side.BUY, 800.00, 795.00, 810.00));
            assertThat(rig.view().openOrders()).filteredOn(o -> o.symbol().equals("SBIN")).isNotEmpty();
        }
    }
}
