package io.niftyscanner.orders;

import io.niftyscanner.app.TradeJournalAdapter;
import io.niftyscanner.journal.Journal;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * An order executor on paper, against a real SQLite journal, on a hand-moved clock: signals in, touches set by the
 * test, prices pushed by the test.
 */
final class PaperRig implements AutoCloseable {
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    static final Instrument RELIANCE = Instrument.nseEquity("RELIANCE", 738561);
    static final Instrument INFY = Instrument.nseEquity("INFY", 408065);
    static final Instrument TCS = Instrument.nseEquity("TCS", 2953217);
    static final Instrument SBIN = Instrument.nseEquity("SBIN", 779521);
    static final Instrument HDFCBANK = Instrument.nseEquity("HDFCBANK", 341249);
    static final List<Instrument> INSTRUMENTS = List.of(RELIANCE, INFY, TCS, SBIN, HDFCBANK);

    final FakeClock clock;
    ManualTaskRunner runner;
    final Journal journal;
    final OrderJournal port;
    final Map<Long, Touch> touches = new HashMap<>();
    final List<OrderEvent> events = new CopyOnWriteArrayList<>();
    final List<String> breakers = new CopyOnWriteArrayList<>();
    final List<NewOrder> placed = new CopyOnWriteArrayList<>();
    final List<Long> placedAtMillis = new CopyOnWriteArrayList<>();
    final OrderSettings settings;
    OrderExecutor executor;

    PaperRig(Path dir, UnaryOperator<OrderSettings> settings) {
        this(dir, settings, LocalTime.of(10, 0));
    }

    PaperRig(Path dir, UnaryOperator<OrderSettings> settings, LocalTime start) {
        clock = new FakeClock(DAY, start);
        journal = Journal.open(dir.resolve("journal.db"));
        port = new TradeJournalAdapter(journal);
        this.settings = settings.apply(OrderSettings.defaults().withAutoTrade(true));
        start();
    }

    /** (Re)starts the executor on the same journal, as after a restart. */
    void start() {
        runner = new ManualTaskRunner(clock);
        LiveGate gate = new LiveGate(Venue.KITE, false, () -> "AB1234");
        executor = new OrderExecutor(settings, INSTRUMENTS, port, gate, () -> {
            throw new AssertionError("paper trading asked for the Kite gateway");
        }, restored -> recording(new PaperOrderGateway(in -> Optional.ofNullable(touches.get(in.token())),
                settings.paperSlippageTicks(), INSTRUMENTS, clock::millis, restored)), clock.orderClock(), runner,
                new OrderListener() {
                    @Override
                    public void onOrder(OrderEvent e) {
                        events.add(e);
                    }

                    @Override
                    public void onBreaker(String reason, double dayPnl, long marketMillis) {
                        breakers.add(reason);
                    }
                });
        executor.start();
    }

    /** Wraps the paper gateway to see what was sent and when (the rate limit). */
    private OrderGateway recording(OrderGateway g) {
        return new OrderGateway() {
            @Override
            public String name() {
                return g.name();
            }

            @Override
            public String venue() {
                return g.venue();
            }

            @Override
            public void start(Listener listener) {
                g.start(listener);
            }

            @Override
            public String place(NewOrder order) {
                placed.add(order);
                placedAtMillis.add(clock.millis());
                return g.place(order);
            }

            @Override
            public void modify(String orderId, Modification change) {
                g.modify(orderId, change);
            }

            @Override
            public void cancel(String orderId) {
                g.cancel(orderId);
            }

            @Override
            public List<BrokerOrder> todaysOrders() {
                return g.todaysOrders();
            }

            @Override
            public void onPrice(long token, long lastPaise, long marketMillis) {
                g.onPrice(token, lastPaise, marketMillis);
            }
        };
    }

    /** Sets the touch (rupees) and pushes the last price to the executor. */
    void market(Instrument in, double bid, double ask, double last) {
        touches.put(in.token(), new Touch(paise(bid), paise(ask), paise(last), clock.millis()));
        executor.onPrices(Map.of(in.token(), paise(last)));
    }

    void last(Instrument in, double last) {
        touches.put(in.token(), new Touch(paise(last - 0.05), paise(last + 0.05), paise(last), clock.millis()));
        executor.onPrices(Map.of(in.token(), paise(last)));
    }

    static long paise(double rupees) {
        return Math.round(rupees * 100);
    }

    /** A signal raised now on the candle that just closed. */
    Signal signal(Instrument in, Side side, double price, double stop, double target) {
        long now = clock.millis();
        long start = SessionCalendar.bucketStart(now, io.niftyscanner.market.Timeframe.FIVE_MINUTES) - 300_000L;
        Candle c = new Candle(in.token(), start, paise(price), paise(price) + 500, paise(price) - 500, paise(price), 10_000, 50,
                CandleQuality.COMPLETE);
        return new Signal(in.token(), in.symbol(), side, now, c, paise(price), 1, 1, 1, 1, 55, 4, stop, target, false,
                "test rule", Map.of());
    }

    /** Journals the signal (journal first), then hands it to the executor. */
    void send(Signal s) {
        journal.recordSignal(s, clock.millis());
        executor.onSignal(s);
    }

    List<OrderEvent> events(String symbol) {
        List<OrderEvent> out = new ArrayList<>();
        for (OrderEvent e : events) {
            if (e.symbol().equals(symbol)) {
                out.add(e);
            }
        }
        return out;
    }

    TradingView view() {
        return executor.view();
    }

    /** Stops the executor (its thread and gateway) the way a restart would; the journal stays open. */
    void stop() {
        executor.close();
    }

    @Override
    public void close() {
        executor.close();
        journal.close();
    }
}
