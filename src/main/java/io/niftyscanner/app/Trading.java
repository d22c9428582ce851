package io.niftyscanner.app;

import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.engine.EngineSnapshot;
import io.niftyscanner.engine.InstrumentView;
import io.niftyscanner.feed.MarketClock;
import io.niftyscanner.journal.Journal;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.kite.KiteTicker;
import io.niftyscanner.kite.TopOfBook;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.Signal;
import io.niftyscanner.orders.KiteOrderGateway;
import io.niftyscanner.orders.LiveGate;
import io.niftyscanner.orders.OrderClock;
import io.niftyscanner.orders.OrderExecutor;
import io.niftyscanner.orders.OrderListener;
import io.niftyscanner.orders.OrderSettings;
import io.niftyscanner.orders.PaperOrderGateway;
import io.niftyscanner.orders.ThreadTaskRunner;
import io.niftyscanner.orders.Touch;
import io.niftyscanner.orders.TradingControl;
import io.niftyscanner.orders.Venue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Order execution as the runtime wires it: the order executor with its journal, the live gate (sandbox, paper or live),
 * both gateways, and a thread ("order-prices") that hands the engine's last prices to the executor twice a second for
 * paper fills, watched targets, marked-to-market P&L and the loss breaker.
 */
final class Trading implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Trading.class);
    private static final long PRICE_MILLIS = 500;

    private final OrderExecutor executor;
    private final ScheduledExecutorService prices;
    private final Map<Long, Long> lastTickSeen = new HashMap<>();

    /**
     * @param sandbox   the venue is a sandbox exchange (embedded, or API key "sandbox"): orders go to its book
     * @param autoTrade orders.auto, or --auto-trade
     */
    Trading(ScannerConfig config, boolean autoTrade, boolean sandbox, List<Instrument> instruments, Journal journal,
            KiteRestClient rest, KiteSession session, String wsUrl, String venueLabel, MarketClock clock,
            Supplier<EngineSnapshot> snapshot, OrderListener listener) {
        OrderSettings settings = OrderSettings.from(config.orders()).withAutoTrade(autoTrade);
        LiveGate gate = new LiveGate(sandbox ? Venue.SANDBOX : Venue.KITE, settings.live(), () -> rest.profile().userId());
        KiteTicker.Options updates = KiteTicker.Options.defaults(wsUrl, session)
                .withWatchdogMillis(config.feed().watchdogSeconds() * 1000L)
                .withBackoff(1_000, 60_000, 0);
        Map<Long, Instrument> byToken = new HashMap<>();
        instruments.forEach(i -> byToken.put(i.token(), i));
        this.executor = new OrderExecutor(settings, instruments, new TradeJournalAdapter(journal), gate,
                () -> new KiteOrderGateway(rest, updates.withSession(rest.session()), venueLabel), // the morning's token, if renewed
                restored -> new PaperOrderGateway(in -> touch(rest, snapshot, in), settings.paperSlippageTicks(), instruments,
                        clock::now, restored),
                OrderClock.system(clock::now, clock::knowsExchangeTime), new ThreadTaskRunner(), listener);
        this.prices = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "order-prices");
            t.setDaemon(true);
            return t;
        });
        executor.start();
        prices.scheduleWithFixedDelay(() -> passPrices(snapshot.get()), PRICE_MILLIS, PRICE_MILLIS, TimeUnit.MILLISECONDS);
    }

    TradingControl control() {
        return executor;
    }

    /** A committed signal; {@code detectedMillis} is when the engine raised it (wall clock). */
    void onSignal(Signal signal, long detectedMillis) {
        executor.onSignal(signal, detectedMillis);
    }

    /** No new entries until the trader resumes trading (what is open goes on). */
    void holdEntries(String reason) {
        executor.holdEntries(reason);
    }

    /** An alert went out for the signal: its time is journaled beside it. */
    void alerted(String signalKey, long wallMillis) {
        executor.alerted(signalKey, wallMillis);
    }

    /** For {@code --confirm-live USER_ID}: confirms live trading before any signal (reads the profile from Kite). */
    LiveGate.Confirmation confirmLive(String userId) {
        return executor.confirmLive(userId);
    }

    private void passPrices(EngineSnapshot snap) {
        try {
            Map<Long, Long> changed = new HashMap<>();
            for (InstrumentView v : snap.instruments()) {
                if (v.lastPrice() > 0) {
                    Long seen = lastTickSeen.put(v.instrument().token(), v.lastTickMillis());
                    if (seen == null || seen != v.lastTickMillis()) {
                        changed.put(v.instrument().token(), v.lastPrice());
                    }
                }
            }
            if (!changed.isEmpty()) {
                executor.onPrices(changed);
            }
        } catch (RuntimeException e) {
            LOG.error("passing prices to the order executor failed: {}", e.toString(), e);
        }
    }

    /** The touch from Kite's quote (depth level 1); the engine's last price when the quote cannot be read. */
    private static Optional<Touch> touch(KiteRestClient rest, Supplier<EngineSnapshot> snapshot, Instrument in) {
        try {
            TopOfBook t = rest.topOfBook(List.of(in.quoteKey())).get(in.quoteKey());
            if (t != null && (t.bid() > 0 || t.ask() > 0)) {
                return Optional.of(new Touch(t.bid(), t.ask(), t.lastPrice(), t.timestampMillis()));
            }
        } catch (RuntimeException e) {
            LOG.warn("paper fill for {}: the quote could not be read ({}); using the last traded price", in.symbol(),
                    e.getMessage());
        }
        InstrumentView v = snapshot.get().view(in.token());
        return v == null || v.lastPrice() <= 0 ? Optional.empty()
                : Optional.of(new Touch(0, 0, v.lastPrice(), v.lastTickMillis()));
    }

    @Override
    public void close() {
        prices.shutdownNow();
        executor.close();
    }
}
