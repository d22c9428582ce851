package io.niftyscanner.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeLogTest {
    private static final long T0 = 1_795_405_500_000L; // 2026-11-23 09:15 IST
    private static final String DAY = "2026-11-23";

    @TempDir
    Path dir;

    private static OrderRow entry(String status, long filled, String orderId, String message, long at) {
        return new OrderRow("NSEBABC12300001", "738561:" + T0 + ":BUY", "ENTRY", "kite", "RELIANCE", 738561, "NSE", "BUY", 10,
                "MARKET", 0, 0, 139_500, 141_000, "MIS", -1, orderId, status, filled, filled == 0 ? 0 : 140_025, message, T0,
                at, DAY);
    }

    @Test
    void anOrderKeepsItsLatestStateAndEveryChangeAcrossReopen() {
        Path file = dir.resolve("journal.db");
        try (Journal j = Journal.open(file)) {
            TradeLog t = j.trades();
            assertThat(t.saveOrder(entry("SENDING", 0, null, null, T0))).isTrue();
            assertThat(t.saveOrder(entry("OPEN", 0, "2611230001", null, T0 + 10))).isTrue();
            assertThat(t.saveOrder(entry("OPEN", 0, "2611230001", null, T0 + 20))).as("nothing new").isFalse();
            assertThat(t.saveOrder(entry("COMPLETE", 10, "2611230001", null, T0 + 30))).isTrue();
        }
        try (Journal j = Journal.open(file)) {
            TradeLog t = j.trades();
            OrderRow o = t.order("NSEBABC12300001").orElseThrow();
            assertThat(o.status()).isEqualTo("COMPLETE");
            assertThat(o.orderId()).isEqualTo("2611230001");
            assertThat(o.averagePricePaise()).isEqualTo(140_025);
            assertThat(o.stopPaise()).isEqualTo(139_500);
            assertThat(t.orderHistory(o.tag())).extracting(r -> r.get("status")).containsExactly("SENDING", "OPEN", "COMPLETE");
            assertThat(t.orders(DAY)).hasSize(1);
            assertThat(t.orders("2026-11-24")).isEmpty();
            assertThat(t.ordersBetween(T0, T0 + 1)).hasSize(1);
        }
    }

    @Test
    void fillsAreKeptOncePositionsReplacedBreakerAndRefusalsListed() {
        try (Journal j = Journal.open(dir.resolve("j.db"))) {
            TradeLog t = j.trades();
            FillRow f = new FillRow("T1", "NSEBABC12300001", "2611230001", "paper", "RELIANCE", 738561, "BUY", 10, 140_025,
                    T0 + 30, DAY, 2000, 0, 42, 1, 42, 368, 0);
            assertThat(t.recordFill(f)).isTrue();
            assertThat(t.recordFill(f)).as("the same fill twice").isFalse();
            assertThat(t.fills(DAY)).containsExactly(f);
            assertThat(t.fills(DAY).get(0).chargesPaise()).isEqualTo(2453);

            t.savePosition(new PositionRow(DAY, "paper", "RELIANCE", 738561, 10, 140_025, 140_500, 0, 4750, 2453, T0 + 40));
            t.savePosition(new PositionRow(DAY, "paper", "RELIANCE", 738561, 0, 0, 140_600, 5750, 0, 5000, T0 + 50));
            assertThat(t.positions(DAY)).hasSize(1).first().satisfies(p -> {
                assertThat(p.quantity()).isZero();
                assertThat(p.realisedPaise()).isEqualTo(5750);
            });

            assertThat(t.breakerTrip(DAY)).isEmpty();
            t.recordBreakerTrip(new BreakerTrip(DAY, T0 + 60, "day's loss 5,012.00 reached the limit 5,000.00", -501_200));
            assertThat(t.breakerTrip(DAY)).hasValueSatisfying(b -> assertThat(b.reason()).contains("limit"));
            assertThat(t.breakerTrip("2026-11-24")).isEmpty();

            t.recordRefusal("k1", "INFY", "SELL", "cooldown: INFY traded 40 s ago", T0 + 70, DAY);
            assertThat(t.refusals(DAY)).singleElement().satisfies(r -> assertThat(r.get("reason")).isEqualTo("cooldown: INFY traded 40 s ago"));
        }
    }

    @Test
    void signalTimingsAreSetOnce() {
        try (Journal j = Journal.open(dir.resolve("j.db"))) {
            Signal sig = new Signal(738561, "RELIANCE", Side.BUY, T0 + 300_000,
                    new Candle(738561, T0, 139_900, 140_200, 139_800, 140_050, 1234, 10, CandleQuality.COMPLETE), 140_050,
                    1400.2, 1399.9, 1399.0, 1399.5, 61.5, 3.2, 1395.7, 1409.6, false, "rule", Map.of());
            j.recordSignal(sig, T0 + 300_010);
            j.trades().markSignal(sig.key(), SignalStage.DETECTED, T0 + 300_005);
            j.trades().markSignal(sig.key(), SignalStage.ORDER_SENT, T0 + 300_020);
            j.trades().markSignal(sig.key(), SignalStage.ORDER_ACK, T0 + 300_045);
            j.trades().markSignal(sig.key(), SignalStage.ORDER_ACK, T0 + 399_999);
            List<Map<String, Object>> rows = j.signalsBetween(T0, T0 + 600_000);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).containsEntry("detected_ms", T0 + 300_005).containsEntry("order_sent_ms", T0 + 300_020)
                    .containsEntry("order_ack_ms", T0 + 300_045).containsEntry("alerted_ms", null);
        }
    }
}
