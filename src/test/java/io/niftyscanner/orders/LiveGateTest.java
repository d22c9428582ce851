package io.niftyscanner.orders;

import static io.niftyscanner.orders.SandboxOrderRig.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.app.TradeJournalAdapter;
import io.niftyscanner.journal.Journal;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.kite.KiteTicker;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import io.niftyscanner.market.Timeframe;
import io.niftyscanner.sandbox.ManualMarketClock;
import io.niftyscanner.sandbox.SandboxExchange;
import io.niftyscanner.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paper mode never reaches the Kite gateway; a live order needs orders.live = true AND the session's confirmation. */
class LiveGateTest {
    @TempDir
    Path dir;

    @Test
    void theGateNeedsBothSwitches() {
        AtomicInteger kite = new AtomicInteger();
        AtomicInteger paper = new AtomicInteger();
        OrderGateway k = new NamedGateway("kite");
        OrderGateway p = new NamedGateway("paper");

        LiveGate off = new LiveGate(Venue.KITE, false, () -> "AB1234");
        assertThat(off.mode()).isEqualTo(LiveGate.Mode.PAPER);
        LiveGate.Confirmation refused = off.confirm("AB1234");
        assertThat(refused.confirmed()).isFalse();
        assertThat(refused.message()).contains("orders.live is false");
        assertThat(off.choose(() -> count(kite, k), () -> count(paper, p)).name()).isEqualTo("paper");

        LiveGate on = new LiveGate(Venue.KITE, true, () -> "AB1234");
        assertThat(on.mode()).as("the switch alone").isEqualTo(LiveGate.Mode.PAPER);
        assertThat(on.choose(() -> count(kite, k), () -> count(paper, p)).name()).isEqualTo("paper");
        LiveGate.Confirmation wrong = on.confirm("XY9999");
        assertThat(wrong.confirmed()).isFalse();
        assertThat(wrong.message()).contains("not the logged-in Kite account");
        assertThat(on.confirm("").confirmed()).isFalse();
        assertThat(on.mode()).isEqualTo(LiveGate.Mode.PAPER);
        assertThat(kite).hasValue(0);

        assertThat(on.confirm(" ab1234 ").confirmed()).isTrue();
        assertThat(on.mode()).isEqualTo(LiveGate.Mode.LIVE);
        assertThat(on.choose(() -> count(kite, k), () -> count(paper, p)).name()).isEqualTo("kite");

        LiveGate unreadable = new LiveGate(Venue.KITE, true, () -> {
            throw new IllegalStateException("Kite session expired");
        });
        assertThat(unreadable.confirm("AB1234").message()).contains("could not be read");
        assertThat(unreadable.mode()).isEqualTo(LiveGate.Mode.PAPER);

        LiveGate sandbox = new LiveGate(Venue.SANDBOX, true, () -> "SB0001");
        assertThat(sandbox.mode()).isEqualTo(LiveGate.Mode.SANDBOX);
        assertThat(sandbox.confirm("SB0001").confirmed()).isFalse();
        assertThat(sandbox.choose(() -> count(kite, k), () -> count(paper, p)).name()).isEqualTo("kite");
    }

    private static OrderGateway count(AtomicInteger n, OrderGateway g) {
        n.incrementAndGet();
        return g;
    }

    @Test
    void againstRealKitePaperOrdersNeverReachTheExchangeUntilLiveIsConfirmed() throws Exception {
        // a sandbox that is not "the sandbox": other credentials, so the app must treat it as real Kite
        ManualMarketClock market = new ManualMarketClock(SandboxOrderRig.DAY.atTime(10, 0).atZone(SessionCalendar.IST).toInstant());
        try (SandboxExchange exchange = SandboxExchange.start(SandboxOptions.defaults().withSeed(3).withMarketClock(market)
                .withCredentials("realkey", "realtoken", "realsecret").withInstruments(SandboxOrderRig.INSTRUMENTS));
             Journal journal = Journal.open(dir.resolve("journal.db"))) {
            KiteSession session = new KiteSession("realkey", "realtoken");
            KiteRestClient rest = new KiteRestClient(KiteHttp.shared(), exchange.restUrl(), session);
            AtomicInteger kiteGateways = new AtomicInteger();
            Settings s = new Settings();
            s.live = true;
            s.cooldownSeconds = 0;
            s.signalMaxAgeSeconds = 3600;
            LiveGate gate = new LiveGate(Venue.KITE, true, () -> rest.profile().userId());
            OrderExecutor executor = new OrderExecutor(s.build(), SandboxOrderRig.INSTRUMENTS, new TradeJournalAdapter(journal), gate,
                    () -> {
                        kiteGateways.incrementAndGet();
                        return new KiteOrderGateway(rest, KiteTicker.Options.defaults(exchange.wsUrl(), session), "Zerodha Kite");
                    },
                    restored -> new PaperOrderGateway(in -> Optional.of(touch(rest, in)), 1, SandboxOrderRig.INSTRUMENTS,
                            market::nowMillis, restored),
                    OrderClock.system(market::nowMillis, () -> true), new ThreadTaskRunner(), e -> { });
            try {
                executor.start();
                Signal first = signal(rest, market, SandboxOrderRig.INFY, Side.BUY);
                journal.recordSignal(first, 0);
                executor.onSignal(first);
                waitFor("a paper trade", Duration.ofSeconds(10), () -> executor.view().openOrders().size() == 2);
                assertThat(executor.view().mode()).isEqualTo("PAPER");
                assertThat(executor.view().gateway()).isEqualTo("paper");
                assertThat(postedOrders(exchange)).as("POST /orders at the exchange in paper mode").isZero();
                assertThat(kiteGateways).hasValue(0);

                LiveGate.Confirmation early = executor.confirmLive("SB0001");
                assertThat(early.confirmed()).isFalse();
                assertThat(early.message()).contains("orders or positions of the paper gateway are still open");
                executor.stopTrading("switching to live");
                waitFor("paper trade closed", Duration.ofSeconds(10), () -> executor.view().openOrders().isEmpty());
                executor.resumeTrading();

                assertThat(executor.confirmLive("ZZ0000").confirmed()).isFalse();
                assertThat(executor.mode()).isEqualTo(LiveGate.Mode.PAPER);
                LiveGate.Confirmation ok = executor.confirmLive("SB0001");
                assertThat(ok.confirmed()).as(ok.message()).isTrue();
                waitFor("the Kite gateway in use", Duration.ofSeconds(10), () -> "kite".equals(executor.view().gateway()));
                assertThat(executor.view().mode()).isEqualTo("LIVE");
                market.advance(Duration.ofMinutes(5));
                Signal second = signal(rest, market, SandboxOrderRig.TCS, Side.BUY);
                journal.recordSignal(second, 0);
                executor.onSignal(second);
                waitFor("the live entry at the exchange", Duration.ofSeconds(10), () -> postedOrders(exchange) >= 1);
                assertThat(rest.orders()).anyMatch(o -> o.tradingsymbol().equals("TCS") && o.tag().startsWith("NSE"));
                assertThat(rest.orders()).noneMatch(o -> o.tradingsymbol().equals("INFY"));
            } finally {
                executor.close();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static long postedOrders(SandboxExchange exchange) {
        return ((Map<String, Long>) exchange.statsJson().get("requests")).getOrDefault("POST /orders", 0L);
    }

    private static Touch touch(KiteRestClient rest, Instrument in) {
        long last = rest.ltp(List.of(in.quoteKey())).get(in.quoteKey()).lastPrice();
        return new Touch(last - 5, last + 5, last, 0);
    }

    private static Signal signal(KiteRestClient rest, ManualMarketClock market, Instrument in, Side side) {
        long now = market.nowMillis();
        long price = rest.ltp(List.of(in.quoteKey())).get(in.quoteKey()).lastPrice();
        long start = SessionCalendar.bucketStart(now, Timeframe.FIVE_MINUTES) - 300_000L;
        double r = price / 100.0;
        return new Signal(in.token(), in.symbol(), side, now, new Candle(in.token(), start, price, price, price, price, 1, 1,
                CandleQuality.COMPLETE), price, 1, 1, 1, 1, 55, 3, r * 0.95, r * 1.05, false, "test", Map.of());
    }

    /** A gateway that only has a name: for the gate's choice. */
    private record NamedGateway(String name) implements OrderGateway {
        @Override
        public String venue() {
            return name;
        }

        @Override
        public void start(Listener listener) {}

        @Override
        public String place(NewOrder order) {
            throw new AssertionError("not for sending");
        }

        @Override
        public void modify(String orderId, Modification change) {}

        @Override
        public void cancel(String orderId) {}

        @Override
        public List<BrokerOrder> todaysOrders() {
            return List.of();
        }
    }
}
