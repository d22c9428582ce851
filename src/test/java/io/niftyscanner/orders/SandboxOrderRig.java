package io.niftyscanner.orders;

import io.niftyscanner.app.TradeJournalAdapter;
import io.niftyscanner.journal.Journal;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.kite.KiteTicker;
import io.niftyscanner.kite.Order;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The order executor against the sandbox exchange over real sockets (REST for orders, the ticker for order updates),
 * with a real SQLite journal. The market clock is moved by the test; the executor runs on its own thread.
 */
final class SandboxOrderRig implements AutoCloseable {
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    static final Instrument INFY = Instrument.nseEquity("INFY", 408065);
    static final Instrument RELIANCE = Instrument.nseEquity("RELIANCE", 738561);
    static final Instrument TCS = Instrument.nseEquity("TCS", 2953217);
    static final Instrument SBIN = Instrument.nseEquity("SBIN", 779521);
    static final List<Instrument> INSTRUMENTS = List.of(INFY, RELIANCE, TCS, SBIN);

    final ManualMarketClock market;
    final SandboxExchange sandbox;
    final KiteRestClient rest;
    final Journal journal;
    final List<OrderEvent> events = new CopyOnWriteArrayList<>();
    private final Path dir;
    private final OrderSettings settings;
    private final boolean orderUpdates;
    OrderExecutor executor;

    SandboxOrderRig(Path dir, OrderSettings settings, LocalTime start, boolean orderUpdates) throws Exception {
        this.dir = dir;
        this.settings = settings;
        this.orderUpdates = orderUpdates;
        market = new ManualMarketClock(DAY.atTime(start).atZone(SessionCalendar.IST).toInstant());
        sandbox = SandboxExchange.start(SandboxOptions.defaults().withSeed(5).withMarketClock(market).withInstruments(INSTRUMENTS));
        rest = new KiteRestClient(KiteHttp.shared(), sandbox.restUrl(), KiteSession.SANDBOX);
        journal = Journal.open(dir.resolve("journal.db"));
        start();
    }

    void start() {
        LiveGate gate = new LiveGate(Venue.SANDBOX, false, () -> "SB0001");
        executor = new OrderExecutor(settings, INSTRUMENTS, new TradeJournalAdapter(journal), gate,
                () -> new KiteOrderGateway(rest, orderUpdates ? KiteTicker.Options.defaults(sandbox.wsUrl(), KiteSession.SANDBOX)
                        : null, "sandbox exchange"),
                restored -> {
                    throw new AssertionError("the sandbox venue asked for the paper gateway");
                },
                OrderClock.system(market::nowMillis, () -> true), new ThreadTaskRunner(), events::add);
        executor.start();
    }

    /** Journals the signal (journal first), then hands it to the executor. */
    void send(Signal s) {
        journal.recordSignal(s, System.currentTimeMillis());
        executor.onSignal(s);
    }

    long ltpPaise(Instrument in) {
        return rest.ltp(List.of(in.quoteKey())).get(in.quoteKey()).lastPrice();
    }

    /** A signal at the current market price with stop and target at the given fractions away (0.01 = 1 %). */
    Signal signal(Instrument in, Side side, double stopFraction, double targetFraction) {
        long now = market.nowMillis();
        long price = ltpPaise(in);
        double rupees = price / 100.0;
        double stop = side == Side.BUY ? rupees * (1 - stopFraction) : rupees * (1 + stopFraction);
        double target = side == Side.BUY ? rupees * (1 + targetFraction) : rupees * (1 - targetFraction);
        long start = SessionCalendar.bucketStart(now, Timeframe.FIVE_MINUTES) - 300_000L;
        Candle c = new Candle(in.token(), start, price, price + 100, price - 100, price, 1000, 10, CandleQuality.COMPLETE);
        return new Signal(in.token(), in.symbol(), side, now, c, price, 1, 1, 1, 1, 55, 3, stop, target, false, "test", Map.of());
    }

    /** Moves market time in steps of the given size, pumping ticks, until the condition holds or the close. */
    void runMarketUntil(String what, Duration step, BooleanSupplier condition) throws InterruptedException {
        long end = SessionCalendar.sessionCloseMillis(DAY);
        while (!condition.getAsBoolean()) {
            if (market.nowMillis() >= end) {
                throw new AssertionError("the session closed before: " + what);
            }
            market.advance(step);
            sandbox.pump();
            waitFor("order updates after a step", Duration.ofSeconds(10), () -> true);
            Thread.sleep(20);
        }
    }

    List<Order> book() {
        return rest.orders();
    }

    Order byTag(String tagPrefixRole, Instrument in) {
        return book().stream().filter(o -> o.tradingsymbol().equals(in.symbol()) && o.tag().startsWith(tagPrefixRole))
                .reduce((a, b) -> b).orElse(null);
    }

    static void waitFor(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    void stopExecutor() {
        executor.close();
    }

    @Override
    public void close() {
        executor.close();
        journal.close();
        sandbox.close();
    }
}
