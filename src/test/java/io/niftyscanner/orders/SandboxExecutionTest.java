package io.niftyscanner.orders;

import static io.niftyscanner.orders.SandboxOrderRig.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.journal.OrderRow;
import io.niftyscanner.kite.Order;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import io.niftyscanner.sandbox.FaultKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor against the sandbox exchange over real sockets: OCO, square-off, an unknown outcome, a restart. */
class SandboxExecutionTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static OrderSettings settings() {
        Settings s = new Settings();
        s.quantity = 5;
        s.cooldownSeconds = 0;
        s.signalMaxAgeSeconds = 3600;
        return s.build();
    }

    private static void assertOneOrderPerTag(List<Order> book) {
        Map<String, Integer> perTag = new HashMap<>();
        book.stream().filter(o -> !o.tag().isEmpty()).forEach(o -> perTag.merge(o.tag(), 1, Integer::sum));
        assertThat(perTag).allSatisfy((tag, n) -> assertThat(n).as("orders with tag %s", tag).isEqualTo(1));
    }

    private static String status(SandboxOrderRig rig, String rolePrefix, io.niftyscanner.market.Instrument in) {
        Order o = rig.byTag(rolePrefix, in);
        return o == null ? "" : o.status();
    }

    @Test
    void whenTheTargetFillsTheStopIsCancelledAtTheExchange() throws Exception {
        try (SandboxOrderRig rig = new SandboxOrderRig(dir, settings(), LocalTime.of(10, 30), true)) {
            rig.send(rig.signal(SandboxOrderRig.INFY, Side.BUY, 0.05, 0.0008));
            waitFor("stop and target at the exchange", WAIT, () -> status(rig, "NSS", SandboxOrderRig.INFY).equals("TRIGGER PENDING")
                    && status(rig, "NST", SandboxOrderRig.INFY).equals("OPEN"));
            Order entry = rig.byTag("NSE", SandboxOrderRig.INFY);
            assertThat(entry.status()).isEqualTo("COMPLETE");
            assertThat(entry.product()).isEqualTo("MIS");
            assertThat(entry.orderType()).isEqualTo("MARKET");
            Order stop = rig.byTag("NSS", SandboxOrderRig.INFY);
            assertThat(stop.orderType()).isEqualTo("SL-M");
            assertThat(stop.transactionType()).isEqualTo("SELL");
            assertThat(stop.quantity()).isEqualTo(5);

            rig.runMarketUntil("the target fills", Duration.ofSeconds(20), () -> status(rig, "NST", SandboxOrderRig.INFY)
                    .equals("COMPLETE"));
            waitFor("the stop cancelled", WAIT, () -> status(rig, "NSS", SandboxOrderRig.INFY).equals("CANCELLED"));
            waitFor("the executor sees the trade closed", WAIT, () -> rig.executor.view().openOrders().isEmpty()
                    && rig.executor.view().positions().stream().allMatch(p -> p.quantity() == 0));
            assertOneOrderPerTag(rig.book());
            assertThat(rig.book()).hasSize(3);
        }
    }

    @Test
    void whenTheStopFillsTheTargetIsCancelledAtTheExchange() throws Exception {
        try (SandboxOrderRig rig = new SandboxOrderRig(dir, settings(), LocalTime.of(11, 0), true)) {
            rig.send(rig.signal(SandboxOrderRig.RELIANCE, Side.SELL, 0.0008, 0.05));
            waitFor("stop and target at the exchange", WAIT, () -> status(rig, "NST", SandboxOrderRig.RELIANCE).equals("OPEN"));
            assertThat(rig.byTag("NSS", SandboxOrderRig.RELIANCE).transactionType()).isEqualTo("BUY");
            rig.runMarketUntil("the stop triggers and fills", Duration.ofSeconds(20),
                    () -> status(rig, "NSS", SandboxOrderRig.RELIANCE).equals("COMPLETE"));
            waitFor("the target cancelled", WAIT, () -> status(rig, "NST", SandboxOrderRig.RELIANCE).equals("CANCELLED"));
            waitFor("the executor sees the trade closed", WAIT, () -> rig.executor.view().openOrders().isEmpty());
            assertThat(rig.executor.view().realised()).isNegative();
            assertOneOrderPerTag(rig.book());
        }
    }

    @Test
    void squaresOffOpenPositionsAtTheConfiguredTimeOnTheMovedMarketClock() throws Exception {
        try (SandboxOrderRig rig = new SandboxOrderRig(dir, settings(), LocalTime.of(15, 19, 30), true)) {
            rig.send(rig.signal(SandboxOrderRig.TCS, Side.BUY, 0.05, 0.05));
            rig.send(rig.signal(SandboxOrderRig.SBIN, Side.SELL, 0.05, 0.05));
            waitFor("both trades protected", WAIT, () -> rig.executor.view().openOrders().size() == 4
                    && rig.executor.view().openOrders().stream().allMatch(o -> o.orderId() != null));
            rig.market.set(SandboxOrderRig.DAY.atTime(15, 20).atZone(SessionCalendar.IST).toInstant());
            rig.sandbox.pump();
            waitFor("both positions closed at the exchange", WAIT, () -> rig.executor.view().positions().stream()
                    .allMatch(p -> p.quantity() == 0) && rig.executor.view().openOrders().isEmpty());
            for (io.niftyscanner.market.Instrument in : List.of(SandboxOrderRig.TCS, SandboxOrderRig.SBIN)) {
                Order stop = rig.byTag("NSS", in);
                assertThat(stop.status()).isEqualTo("COMPLETE");
                assertThat(stop.orderType()).as("the stop turned into a MARKET order").isEqualTo("MARKET");
                assertThat(rig.byTag("NST", in).status()).isEqualTo("CANCELLED");
            }
            assertThat(rig.book()).noneMatch(o -> o.tag().isEmpty()); // the sandbox's own 15:25 square-off had nothing to do
            assertThat(rig.executor.view().entryBlock()).contains("squared off");
        }
    }

    @Test
    void anOrderWhoseAnswerWasLostIsFoundByItsTagAndNotSentAgain() throws Exception {
        // no order updates on a socket: only reading the order book back can tell the executor what happened
        try (SandboxOrderRig rig = new SandboxOrderRig(dir, settings(), LocalTime.of(10, 0), false)) {
            rig.sandbox.fault(FaultKind.DROP_ORDER_RESPONSE, Duration.ofSeconds(600));
            Signal s = rig.signal(SandboxOrderRig.INFY, Side.BUY, 0.05, 0.05);
            rig.send(s);
            waitFor("the entry found by its tag", WAIT, () -> rig.journal.trades().order(OrderTags.tag(s, Role.ENTRY, 0))
                    .map(o -> o.status().equals("COMPLETE")).orElse(false));
            rig.sandbox.clearFaults();
            waitFor("stop and target resting", WAIT, () -> rig.executor.view().openOrders().size() == 2
                    && rig.executor.view().openOrders().stream().allMatch(o -> o.orderId() != null));
            assertThat(rig.events).anyMatch(e -> e.role().equals("ENTRY") && e.status().equals("UNKNOWN"));
            List<Order> book = rig.book();
            assertOneOrderPerTag(book);
            assertThat(book).filteredOn(o -> o.tag().startsWith("NSE")).hasSize(1);
            OrderRow entry = rig.journal.trades().order(OrderTags.tag(s, Role.ENTRY, 0)).orElseThrow();
            assertThat(entry.orderId()).isEqualTo(book.stream().filter(o -> o.tag().startsWith("NSE")).findFirst().orElseThrow().orderId());
            assertThat(rig.journal.trades().orderHistory(entry.tag())).extracting(r -> r.get("status"))
                    .containsSubsequence("SENDING", "UNKNOWN", "COMPLETE");
            assertThat(((Number) rig.sandbox.statsJson().get("order_responses_dropped")).longValue()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void afterARestartAnOrderSentButNotAcknowledgedIsAdoptedAndOneNeverSentIsNotResent() throws Exception {
        try (SandboxOrderRig rig = new SandboxOrderRig(dir, settings(), LocalTime.of(10, 0), true)) {
            rig.stopExecutor();
            // the journal says two entries were being sent when the app died; the exchange got only the first
            Signal sent = rig.signal(SandboxOrderRig.INFY, Side.BUY, 0.05, 0.05);
            Signal lost = rig.signal(SandboxOrderRig.TCS, Side.BUY, 0.05, 0.05);
            String sentTag = OrderTags.tag(sent, Role.ENTRY, 0);
            String lostTag = OrderTags.tag(lost, Role.ENTRY, 0);
            for (Signal s : List.of(sent, lost)) {
                rig.journal.trades().saveOrder(new OrderRow(OrderTags.tag(s, Role.ENTRY, 0), s.key(), "ENTRY", "kite",
                        s.symbol(), s.token(), "NSE", "BUY", 5, "MARKET", 0, 0, Math.round(s.stop() * 20) * 5,
                        Math.round(s.target() * 20) * 5, "MIS", -1, null, "SENDING", 0, 0, null, s.timeMillis(), s.timeMillis(),
                        SandboxOrderRig.DAY.toString()));
            }
            rig.rest.placeOrder(io.niftyscanner.kite.OrderRequest.market("NSE", "INFY", "BUY", 5, "MIS", sentTag));

            rig.start();
            waitFor("the sent entry adopted and protected", WAIT, () -> rig.executor.view().openOrders().size() == 2
                    && rig.executor.view().openOrders().stream().allMatch(o -> o.orderId() != null));
            assertThat(rig.journal.trades().order(sentTag).orElseThrow().status()).isEqualTo("COMPLETE");
            assertThat(rig.journal.trades().order(lostTag).orElseThrow().status()).isEqualTo("NOT_PLACED");
            rig.send(sent); // the engine cannot raise it again, but if anything did: not traded twice
            rig.send(lost);
            Signal fresh = rig.signal(SandboxOrderRig.SBIN, Side.BUY, 0.05, 0.05); // handled after the two above
            rig.send(fresh);
            waitFor("the next signal's entry", WAIT, () -> rig.byTag("NSE", SandboxOrderRig.SBIN) != null);
            List<Order> book = rig.book();
            assertOneOrderPerTag(book);
            assertThat(book).extracting(Order::tag).doesNotContain(lostTag);
            assertThat(book).filteredOn(o -> o.tag().startsWith("NSE")).extracting(Order::tradingsymbol)
                    .containsExactlyInAnyOrder("INFY", "SBIN");
        }
    }

    @Test
    void aPositionTheBrokerSquaredOffIsNotExitedOrProtectedAgain() throws Exception {
        Settings late = new Settings();
        late.quantity = 5;
        late.squareOff = LocalTime.of(15, 29);
        late.signalMaxAgeSeconds = 3600;
        try (SandboxOrderRig rig = new SandboxOrderRig(dir, late.build(), LocalTime.of(15, 24), true)) {
            Signal s = rig.signal(SandboxOrderRig.INFY, Side.BUY, 0.05, 0.05);
            rig.send(s);
            waitFor("stop and target resting", WAIT, () -> rig.executor.view().openOrders().size() == 2
                    && rig.executor.view().openOrders().stream().allMatch(o -> o.orderId() != null));
            rig.stopExecutor(); // the app is closed while the broker's risk system squares off at 15:25
            rig.market.set(SandboxOrderRig.DAY.atTime(15, 25, 30).atZone(SessionCalendar.IST).toInstant());
            rig.sandbox.pump();
            assertThat(rig.book()).anyMatch(o -> o.tag().isEmpty() && o.tradingsymbol().equals("INFY") && o.status().equals("COMPLETE"));

            rig.start();
            waitFor("the trade seen closed outside the scanner", WAIT, () -> rig.executor.view().positions().stream()
                    .allMatch(p -> p.quantity() == 0) && !rig.executor.view().positions().isEmpty());
            List<Order> book = rig.book();
            assertThat(book).filteredOn(o -> !o.tag().isEmpty()).extracting(Order::tag).as("only the first three orders")
                    .containsExactlyInAnyOrder(OrderTags.tag(s, Role.ENTRY, 0), OrderTags.tag(s, Role.STOP, 0),
                            OrderTags.tag(s, Role.TARGET, 0));
            assertThat(rig.journal.trades().fills(SandboxOrderRig.DAY.toString()))
                    .anyMatch(f -> f.tag().startsWith("OUT") && f.side().equals("SELL") && f.quantity() == 5);
        }
    }
}
