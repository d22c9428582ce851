package io.niftyscanner.orders;

import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.Prices;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns signals into orders, exactly once, within the risk limits (design.md 2, 8). Every order is journaled before it
 * is sent and carries a tag derived from its signal; an order whose outcome is unknown is looked up by tag, never sent
 * again blindly; on start the journal is reconciled with the venue's order book. After an entry fills, its stop rests
 * at the exchange as SL-M and its target as LIMIT (or is watched); when one side fills the other is cancelled. Open
 * positions are squared off at the configured time, when the loss breaker trips, and when the trader stops trading.
 *
 * <p>All state lives on one thread (the {@link TaskRunner}); the public methods only hand work to it. {@link #view()}
 * is an immutable snapshot, readable from any thread.
 */
public final class OrderExecutor implements TradingControl, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OrderExecutor.class);
    static final long HOUSEKEEPING_MILLIS = 1_000;
    static final long RECONCILE_MILLIS = 15_000;
    private static final long POSITIONS_SAVE_MILLIS = 10_000;
    private static final int NOT_SENT_ATTEMPTS = 3;
    private static final long[] UNKNOWN_READ_DELAYS = {500, 2_000, 5_000};
    private static final int REFUSALS_KEPT = 50;
    /** Tag prefix of a journaled fill the venue made without us (the broker's square-off, a trade by hand). */
    static final String OUTSIDE = "OUT";

    private final OrderSettings settings;
    private final Map<Long, Instrument> instruments = new HashMap<>();
    private final OrderJournal journal;
    private final LiveGate gate;
    private final Supplier<OrderGateway> kiteGateway;
    private final Function<List<BrokerOrder>, OrderGateway> paperGateway;
    private final OrderClock clock;
    private final TaskRunner runner;
    private final OrderListener listener;
    private final ChargeModel charges;
    private final PositionSizer sizer;
    private final RiskLimits risk;
    private final OrderRateLimiter rate;

    // --- executor thread only
    private OrderGateway gateway;
    private String session;
    private final Map<String, Trade> trades = new LinkedHashMap<>();
    private final Map<String, TrackedOrder> byTag = new HashMap<>();
    private final Map<String, TrackedOrder> byOrderId = new HashMap<>();
    private final Set<String> signalsSeen = new HashSet<>();
    private final Set<String> untrackedTagsReported = new HashSet<>();
    private final Map<Long, Long> lastEntryMillis = new HashMap<>();
    private final Map<Long, Long> lastPrice = new HashMap<>();
    private final List<OrderJournal.FillRecord> fills = new ArrayList<>();
    private final Deque<TradingView.Refusal> refusals = new ArrayDeque<>();
    private Ledger ledger;
    private int entriesToday;
    private boolean autoTrade;
    private String stoppedReason;
    private String breakerReason;
    private long breakerMillis;
    private String squaredOffSession;
    private boolean reconciled;
    private boolean booted;
    private long lastReconcileMillis;
    private long lastPositionsSave;
    private boolean closed;
    private volatile TradingView view = TradingView.EMPTY;

    /**
     * @param kiteGateway  makes the Kite (or sandbox) gateway, when the live gate picks it
     * @param paperGateway makes the paper gateway from today's journaled paper orders
     */
    public OrderExecutor(OrderSettings settings, List<Instrument> instruments, OrderJournal journal, LiveGate gate,
                         Supplier<OrderGateway> kiteGateway, Function<List<BrokerOrder>, OrderGateway> paperGateway,
                         OrderClock clock, TaskRunner runner, OrderListener listener) {
        this.settings = settings;
        instruments.forEach(i -> this.instruments.put(i.token(), i));
        this.journal = journal;
        this.gate = gate;
        this.kiteGateway = kiteGateway;
        this.paperGateway = paperGateway;
        this.clock = clock;
        this.runner = runner;
        this.listener = listener == null ? OrderListener.NONE : listener;
        this.charges = new ChargeModel(settings.charges());
        this.sizer = new PositionSizer(settings);
        this.risk = new RiskLimits(settings);
        this.rate = new OrderRateLimiter(settings.orderRatePerSecond(), clock);
        this.autoTrade = settings.autoTrade();
        this.ledger = new Ledger(charges);
    }

    /** Starts the housekeeping loop; the executor boots (journal, venue, reconciliation) once market time is known. */
    public void start() {
        runner.execute(() -> guarded("start", this::housekeeping));
    }

    // ------------------------------------------------------------------------------------------------ inputs

    /** A journaled signal: trade it if auto-trading is armed and every limit allows it. Returns at once. */
    public void onSignal(Signal signal) {
        onSignal(signal, -1);
    }

    /**
     * A journaled signal, with the wall time the engine raised it (stamped beside it in the journal); -1 for none.
     * Returns at once.
     */
    public void onSignal(Signal signal, long detectedWallMillis) {
        runner.execute(() -> guarded("signal " + signal.key(), () -> {
            if (detectedWallMillis > 0) {
                journal.markSignal(signal.key(), OrderJournal.Stage.DETECTED, detectedWallMillis);
            }
            handleSignal(signal);
        }));
    }

    /** An alert went out for a signal (wall clock): journaled beside it, on this executor's thread. */
    public void alerted(String signalKey, long wallMillis) {
        runner.execute(() -> guarded("alert time of " + signalKey,
                () -> journal.markSignal(signalKey, OrderJournal.Stage.ALERTED, wallMillis)));
    }

    /** Last traded prices (paise) by token: marks positions, moves paper orders, watches targets and the breaker. */
    public void onPrices(Map<Long, Long> lastPaiseByToken) {
        Map<Long, Long> copy = Map.copyOf(lastPaiseByToken);
        runner.execute(() -> guarded("prices", () -> handlePrices(copy)));
    }

    // ------------------------------------------------------------------------------------------------ control

    @Override
    public TradingView view() {
        return view;
    }

    @Override
    public void setAutoTrade(boolean on) {
        runner.execute(() -> guarded("auto-trade", () -> {
            autoTrade = on;
            LOG.info("auto-trade {} ({})", on ? "armed" : "disarmed", gate.mode());
        }));
    }

    @Override
    public LiveGate.Mode mode() {
        return gate.mode();
    }

    @Override
    public String whyNotLive() {
        return gate.whyNotLive();
    }

    @Override
    public String liveConfirmationText() {
        return "LIVE TRADING with real money on your Zerodha account. From now on every signal can place a real MIS order"
                + " on NSE: sized " + sizingText() + ", at most " + settings.maxOrdersPerDay() + " entries today and "
                + settings.maxOpenPositions() + " open positions, no new entries after a day's loss of Rs "
                + Money.rupees(settings.maxLossPerDayPaise()) + ". Each position gets an SL-M stop at the exchange"
                + (settings.watchTarget() ? " and a watched target" : " and a LIMIT target") + "; open positions are squared"
                + " off at " + settings.squareOffTime() + ". This lasts until the app closes. Type your Kite user id to confirm.";
    }

    private String sizingText() {
        switch (settings.sizing()) {
            case CAPITAL:
                return "to Rs " + Money.rupees(settings.capitalPerTradePaise()) + " a trade";
            case RISK:
                return "to risk Rs " + Money.rupees(settings.riskPerTradePaise()) + " a trade at the ATR stop";
            default:
                return settings.fixedQuantity() + " shares a trade";
        }
    }

    @Override
    public LiveGate.Confirmation confirmLive(String typedUserId) {
        TradingView v = view;
        if (!v.openOrders().isEmpty() || v.positions().stream().anyMatch(p -> p.quantity() != 0)) {
            return new LiveGate.Confirmation(false, "No live orders yet: orders or positions of the " + v.gateway()
                    + " gateway are still open. Stop trading (it squares them off) and confirm again.");
        }
        LiveGate.Confirmation c = gate.confirm(typedUserId);
        if (c.confirmed()) {
            runner.execute(() -> guarded("switch to live", this::switchGateway));
        }
        return c;
    }

    @Override
    public void stopTrading(String reason) {
        runner.execute(() -> guarded("stop trading", () -> {
            stoppedReason = reason == null || reason.isBlank() ? "stopped by the trader" : reason;
            LOG.warn("stop trading: {}; cancelling pending orders and squaring off", stoppedReason);
            for (Trade t : List.copyOf(trades.values())) {
                startClosing(t, "stop trading: " + stoppedReason);
            }
        }));
    }

    /**
     * Blocks new entries until {@link #resumeTrading}, without touching what is open (exits and protective orders go
     * on): e.g. while the journal cannot record orders. Returns at once.
     */
    public void holdEntries(String reason) {
        runner.execute(() -> guarded("hold entries", () -> {
            stoppedReason = reason;
            LOG.warn("new entries held: {}", reason);
            publish();
        }));
    }

    @Override
    public void resumeTrading() {
        runner.execute(() -> guarded("resume trading", () -> {
            stoppedReason = null;
            LOG.info("trading resumed");
        }));
    }

    /** Stops the loop and the gateway's update channel. Orders resting at the venue stay there and keep protecting. */
    @Override
    public void close() {
        runner.execute(() -> {
            closed = true;
            if (gateway != null) {
                gateway.close();
            }
        });
        runner.close();
    }

    // ------------------------------------------------------------------------------------------------ boot

    private void boot() {
        session = sessionOf(clock.marketMillis().getAsLong());
        gateway = gate.choose(kiteGateway, () -> paperGateway.apply(journaledPaperOrders()));
        restore();
        gateway.start(new OrderGateway.Listener() {
            @Override
            public void onUpdate(BrokerOrder order) {
                runner.execute(() -> guarded("order update " + order.tag(), () -> onBrokerUpdate(order)));
            }

            @Override
            public void onResync() {
                runner.execute(() -> guarded("resync", () -> reconcile("the update channel reconnected")));
            }
        });
        booted = true;
        LOG.info("order executor: {} ({}), session {}, auto-trade {}", gate.mode(), gateway.venue(), session,
                autoTrade ? "armed" : "off");
        reconcile("start");
    }

    private void switchGateway() {
        if (!booted) {
            return; // the boot asks the gate, which is confirmed by now
        }
        OrderGateway next = gate.choose(kiteGateway, () -> paperGateway.apply(journaledPaperOrders()));
        if (next.name().equals(gateway.name())) {
            return;
        }
        gateway.close();
        gateway = next;
        trades.clear();
        byTag.clear();
        byOrderId.clear();
        restore();
        gateway.start(new OrderGateway.Listener() {
            @Override
            public void onUpdate(BrokerOrder order) {
                runner.execute(() -> guarded("order update " + order.tag(), () -> onBrokerUpdate(order)));
            }

            @Override
            public void onResync() {
                runner.execute(() -> guarded("resync", () -> reconcile("the update channel reconnected")));
            }
        });
        LOG.warn("order executor switched to {}: {}", gate.mode(), gateway.venue());
        reconcile("gateway switch");
    }

    private List<BrokerOrder> journaledPaperOrders() {
        List<BrokerOrder> out = new ArrayList<>();
        for (OrderJournal.OrderRecord r : journal.orders(session)) {
            if (r.gateway().equals("paper") && r.orderId() != null) {
                out.add(new BrokerOrder(r.orderId(), r.tag(), r.status(), r.message(), r.symbol(), r.side(), r.orderType(),
                        r.quantity(), r.filledQuantity(), r.averagePricePaise(), r.pricePaise(), r.triggerPaise(),
                        r.updatedMillis()));
            }
        }
        return out;
    }

    /** Rebuilds today's trades, fills, positions, limits and breaker from the journal (for the current gateway). */
    private void restore() {
        ledger = new Ledger(charges);
        fills.clear();
        entriesToday = 0;
        lastEntryMillis.clear();
        Map<String, long[]> filledByTag = new HashMap<>(); // quantity, value
        List<OrderJournal.FillRecord> outside = new ArrayList<>();
        for (OrderJournal.FillRecord f : journal.fills(session)) {
            if (!f.gateway().equals(gateway.name())) {
                continue;
            }
            fills.add(f);
            if (f.tag().startsWith(OUTSIDE)) {
                outside.add(f);
            }
            ledger.replay(f.token(), f.symbol(), Side.valueOf(f.side()), f.quantity(), f.pricePaise(), f.charges());
            long[] a = filledByTag.computeIfAbsent(f.tag(), t -> new long[2]);
            a[0] += f.quantity();
            a[1] += f.quantity() * f.pricePaise();
        }
        for (OrderJournal.OrderRecord r : journal.orders(session)) {
            signalsSeen.add(r.signalKey());
            if (r.role().equals(Role.ENTRY.name()) && !r.status().equals(TrackedOrder.NOT_PLACED)) {
                entriesToday++;
                lastEntryMillis.merge(r.token(), r.createdMillis(), Math::max);
            }
            if (!r.gateway().equals(gateway.name())) {
                continue;
            }
            Instrument in = instruments.get(r.token());
            if (in == null) {
                LOG.warn("journaled order {} is for {} (token {}), which is not in instrument_tokens.json: not tracked",
                        r.tag(), r.symbol(), r.token());
                continue;
            }
            Trade t = trades.computeIfAbsent(r.signalKey(), k -> new Trade(k, OrderTags.sibling(r.tag(), Role.ENTRY, 0), in,
                    OrderTags.parse(r.tag()).map(OrderTags.Parsed::side).orElse(Side.valueOf(r.side())), r.stopPaise(),
                    r.targetPaise(), settings.watchTarget()));
            NewOrder spec = new NewOrder(r.tag(), in, Side.valueOf(r.side()), r.quantity(), OrderType.ofWire(r.orderType()),
                    r.pricePaise(), r.triggerPaise(), r.product(), r.marketProtection());
            TrackedOrder o = new TrackedOrder(r.tag(), Role.valueOf(r.role()), t, spec, r.createdMillis());
            o.orderId = r.orderId();
            o.status = r.status();
            o.message = r.message();
            long[] f = filledByTag.get(r.tag());
            o.filled = f == null ? 0 : f[0];
            o.averagePaise = f == null || f[0] == 0 ? 0 : Math.round((double) f[1] / f[0]);
            o.updatedMarketMillis = r.updatedMillis();
            t.orders.add(o);
            t.net += o.signedFilled();
            byTag.put(o.tag, o);
            if (o.orderId != null) {
                byOrderId.put(o.orderId, o);
            }
            if (o.role == Role.TARGET && "REJECTED".equals(o.status)) {
                t.watchTarget = true;
            }
        }
        for (OrderJournal.FillRecord f : outside) {
            String entryTag = OrderTags.PREFIX + f.tag().substring(OUTSIDE.length());
            for (Trade t : trades.values()) {
                if (t.entryTag.equals(entryTag)) {
                    t.net += Side.valueOf(f.side()) == Side.BUY ? f.quantity() : -f.quantity();
                    t.closedOutside = true;
                }
            }
        }
        Optional<String> trip = journal.breakerTrip(session);
        breakerReason = trip.orElse(null);
        squaredOffSession = null;
        reconciled = false;
    }

    // ------------------------------------------------------------------------------------------------ signals

    private void handleSignal(Signal s) {
        if (!ensureBooted()) {
            LOG.warn("signal {} before the market time was known: not traded", s.key());
            return;
        }
        if (!autoTrade) {
            return;
        }
        if (!signalsSeen.add(s.key())) {
            LOG.info("signal {} was already handled (journal): not traded again", s.key());
            return;
        }
        if (!journal.hasSignal(s.key())) {
            refuse(s, "the signal is not in the journal (it could not be saved): only journaled signals are traded",
                    clock.marketMillis().getAsLong());
            return;
        }
        Instrument in = instruments.get(s.token());
        long now = clock.marketMillis().getAsLong();
        if (in == null) {
            refuse(s, "instrument " + s.symbol() + " is not in instrument_tokens.json", now);
            return;
        }
        long stop = Double.isNaN(s.stop()) ? 0 : tick(in, s.stop());
        long target = Double.isNaN(s.target()) ? 0 : tick(in, s.target());
        long price = s.price();
        Optional<String> why = checkLimits(s, in, now, price, stop, target);
        long quantity = why.isPresent() ? 0 : sizer.quantity(in, price, stop);
        if (why.isEmpty() && quantity <= 0) {
            why = Optional.of(sizer.explainZero(in, price, stop));
        }
        if (why.isPresent()) {
            refuse(s, why.get(), now);
            return;
        }
        String tag = OrderTags.tag(s, Role.ENTRY, 0);
        Trade t = new Trade(s.key(), tag, in, s.side(), stop, target, settings.watchTarget());
        trades.put(s.key(), t);
        entriesToday++;
        lastEntryMillis.put(in.token(), now);
        NewOrder spec = settings.limitEntry()
                ? new NewOrder(tag, in, s.side(), quantity, OrderType.LIMIT, tick(in, Prices.toDouble(price, in.token())), 0,
                settings.product(), 0)
                : new NewOrder(tag, in, s.side(), quantity, OrderType.MARKET, 0, 0, settings.product(), settings.marketProtection());
        TrackedOrder entry = track(t, Role.ENTRY, spec);
        journal.markSignal(s.key(), OrderJournal.Stage.ORDER_SENT, clock.wallMillis().getAsLong());
        send(entry);
    }

    private Optional<String> checkLimits(Signal s, Instrument in, long now, long price, long stop, long target) {
        long open = trades.values().stream().filter(t -> !t.done()).count();
        boolean busy = trades.values().stream().anyMatch(t -> t.instrument.token() == in.token() && !t.done());
        return risk.refuse(s, in, now, price, stop, target,
                new RiskLimits.Day(entryBlock(), entriesToday, open, busy, lastEntryMillis.get(in.token())));
    }

    /** Why no new entry may be made now, whatever the signal; empty when entries are allowed. */
    private String entryBlock() {
        if (breakerReason != null) {
            return "loss breaker tripped: " + breakerReason;
        }
        if (stoppedReason != null) {
            return "trading stopped: " + stoppedReason;
        }
        if (session != null && session.equals(squaredOffSession)) {
            return "positions were squared off at " + settings.squareOffTime() + " today";
        }
        if (!reconciled) {
            return "the venue's order book has not been read yet (reconciling the journal)";
        }
        return "";
    }

    private void refuse(Signal s, String reason, long now) {
        LOG.info("not trading {} {} ({}): {}", s.side(), s.symbol(), s.key(), reason);
        journal.recordRefusal(s.key(), s.symbol(), s.side().name(), reason, now, session);
        refusals.addLast(new TradingView.Refusal(s.symbol(), s.side().name(), reason, now));
        while (refusals.size() > REFUSALS_KEPT) {
            refusals.removeFirst();
        }
        Instrument in = instruments.get(s.token());
        String tag = OrderTags.tag(s, Role.ENTRY, 0);
        listener.onOrder(new OrderEvent(now, s.symbol(), s.side().name(), 0, tag, "REFUSED", gatewayName(), Role.ENTRY.name(),
                null, settings.limitEntry() ? "LIMIT" : "MARKET", in == null ? 0 : s.priceRupees(), 0, 0, 0, reason, s.key()));
    }

    // ------------------------------------------------------------------------------------------------ sending

    private TrackedOrder track(Trade t, Role role, NewOrder spec) {
        TrackedOrder o = new TrackedOrder(spec.tag(), role, t, spec, clock.marketMillis().getAsLong());
        t.orders.add(o);
        byTag.put(o.tag, o);
        save(o);
        emit(o);
        return o;
    }

    /** Sends a tracked order (journaled as SENDING before this call). */
    private void send(TrackedOrder o) {
        try {
            rate.acquire();
            String id = gateway.place(o.spec);
            acknowledged(o, id);
        } catch (OrderNotSent e) {
            o.notSentAttempts++;
            if (o.notSentAttempts < NOT_SENT_ATTEMPTS) {
                LOG.warn("{} {} not sent (attempt {}): {}; sending again", o.role, o.tag, o.notSentAttempts, e.getMessage());
                runner.schedule(() -> guarded("resend " + o.tag, () -> {
                    if (TrackedOrder.SENDING.equals(o.status)) {
                        send(o);
                    }
                }), 500L * o.notSentAttempts);
            } else {
                change(o, TrackedOrder.NOT_PLACED, "not sent after " + o.notSentAttempts + " attempts: " + e.getMessage());
                react(o.trade);
            }
        } catch (OrderOutcomeUnknown e) {
            LOG.warn("{} {}: outcome unknown ({}); reading the order book by tag, not sending it again", o.role, o.tag,
                    e.getMessage());
            change(o, TrackedOrder.UNKNOWN, e.getMessage());
            readBack(o, 0);
        } catch (OrderRejected e) {
            change(o, "REJECTED", e.getMessage());
            react(o.trade);
        }
    }

    private void acknowledged(TrackedOrder o, String id) {
        if (o.orderId == null) {
            o.orderId = id;
            byOrderId.put(id, o);
        }
        if (TrackedOrder.SENDING.equals(o.status) || TrackedOrder.UNKNOWN.equals(o.status)) {
            change(o, TrackedOrder.PLACED, null);
        }
        if (o.role == Role.ENTRY) {
            journal.markSignal(o.trade.signalKey, OrderJournal.Stage.ORDER_ACK, clock.wallMillis().getAsLong());
        }
    }

    /** Looks for an order of unknown outcome in the venue's book, a few times, before deciding it was not placed. */
    private void readBack(TrackedOrder o, int attempt) {
        runner.schedule(() -> guarded("read back " + o.tag, () -> {
            if (!TrackedOrder.UNKNOWN.equals(o.status)) {
                return;
            }
            Optional<BrokerOrder> found;
            try {
                found = gateway.todaysOrders().stream().filter(b -> o.tag.equals(b.tag())).findFirst();
            } catch (OrderNotSent e) {
                LOG.warn("reading the order book for {} failed: {}", o.tag, e.getMessage());
                found = Optional.empty();
                if (attempt + 1 < UNKNOWN_READ_DELAYS.length) {
                    readBack(o, attempt + 1);
                    return;
                }
            }
            if (found.isPresent()) {
                LOG.info("{} found in the order book by tag: order {} ({})", o.tag, found.get().orderId(), found.get().status());
                apply(o, found.get());
                if (o.role == Role.ENTRY) {
                    journal.markSignal(o.trade.signalKey, OrderJournal.Stage.ORDER_ACK, clock.wallMillis().getAsLong());
                }
            } else if (attempt + 1 < UNKNOWN_READ_DELAYS.length) {
                readBack(o, attempt + 1);
            } else {
                change(o, TrackedOrder.NOT_PLACED, "not in the venue's order book after " + UNKNOWN_READ_DELAYS.length
                        + " reads: it was not placed, and it is not sent again");
                react(o.trade);
            }
        }), UNKNOWN_READ_DELAYS[attempt]);
    }

    private void cancel(TrackedOrder o, String why) {
        if (o.cancelSent || o.orderId == null || !o.resting()) {
            return;
        }
        try {
            rate.acquire();
            o.cancelSent = true;
            gateway.cancel(o.orderId);
            LOG.info("cancelled {} {} ({})", o.role, o.tag, why);
        } catch (OrderNotSent e) {
            o.cancelSent = false;
            LOG.warn("cancel of {} not sent: {}; trying again", o.tag, e.getMessage());
        } catch (OrderOutcomeUnknown e) {
            LOG.warn("cancel of {}: outcome unknown ({}); reading the order book", o.tag, e.getMessage());
            lastReconcileMillis = 0;
        } catch (OrderRejected e) {
            LOG.info("cancel of {} refused: {} (it has probably just filled or been cancelled)", o.tag, e.getMessage());
            lastReconcileMillis = 0;
        }
    }

    private void modify(TrackedOrder o, OrderGateway.Modification change, String why) {
        try {
            rate.acquire();
            gateway.modify(o.orderId, change);
            if (change.quantity() != null) {
                o.quantity = change.quantity();
                save(o);
            }
            LOG.info("modified {} {}: {} ({})", o.role, o.tag, change, why);
        } catch (OrderNotSent e) {
            if (change.type() == OrderType.MARKET) {
                o.marketSent = false;
            }
            LOG.warn("modification of {} not sent: {}; trying again", o.tag, e.getMessage());
        } catch (OrderRejected e) {
            LOG.warn("modification of {} refused: {}; reading the order book", o.tag, e.getMessage());
            if (change.type() == OrderType.MARKET) {
                o.marketRefused = true;
            }
            lastReconcileMillis = 0;
        } catch (OrderOutcomeUnknown e) {
            LOG.warn("modification of {}: {}; reading the order book", o.tag, e.getMessage());
            lastReconcileMillis = 0;
        }
    }

    // ------------------------------------------------------------------------------------------------ updates

    private void onBrokerUpdate(BrokerOrder b) {
        if (!booted) {
            return;
        }
        TrackedOrder o = b.tag() == null ? null : byTag.get(b.tag());
        if (o == null && b.orderId() != null) {
            o = byOrderId.get(b.orderId());
        }
        if (o == null) {
            adoptIfOurs(b);
            return;
        }
        apply(o, b);
    }

    /** An order in the venue's book with one of our tags that the journal does not know (an earlier attempt in flight). */
    private void adoptIfOurs(BrokerOrder b) {
        Optional<OrderTags.Parsed> p = OrderTags.parse(b.tag());
        if (p.isEmpty()) {
            return;
        }
        Trade t = trades.get(p.get().signalKey());
        if (t == null) {
            if (untrackedTagsReported.add(b.tag())) {
                LOG.warn("order {} ({}) in the venue's book carries one of our tags but is not in this journal: left alone",
                        b.orderId(), b.tag());
            }
            return;
        }
        Side side = Side.valueOf(b.side());
        NewOrder spec = new NewOrder(b.tag(), t.instrument, side, Math.max(1, b.quantity()), OrderType.ofWire(b.orderType()),
                b.pricePaise(), b.triggerPaise(), settings.product(), settings.marketProtection());
        TrackedOrder o = new TrackedOrder(b.tag(), p.get().role(), t, spec, clock.marketMillis().getAsLong());
        o.orderId = b.orderId();
        t.orders.add(o);
        byTag.put(o.tag, o);
        byOrderId.put(o.orderId, o);
        LOG.warn("order {} ({}) was in flight when its attempt was given up: tracked now", b.orderId(), b.tag());
        apply(o, b);
        if (o.working() && o.role != Role.EXIT && o.role != Role.ENTRY) {
            cancel(o, "a duplicate attempt");
        }
    }

    /** Brings a tracked order to the venue's state: id, fills (journaled first), status. */
    private void apply(TrackedOrder o, BrokerOrder b) {
        if (o.orderId == null && b.orderId() != null) {
            o.orderId = b.orderId();
            byOrderId.put(o.orderId, o);
        }
        if (o.isFinal() && !b.isFinal() && !TrackedOrder.NOT_PLACED.equals(o.status)) {
            return; // a late update of a state already left behind
        }
        boolean filledMore = b.filledQuantity() > o.filled;
        if (filledMore) {
            recordFill(o, b);
        }
        String status = b.status() == null || b.status().isBlank() ? o.status : b.status();
        if (filledMore || !status.equals(o.status) || !java.util.Objects.equals(blankToNull(b.statusMessage()), o.message)) {
            o.status = status;
            o.message = blankToNull(b.statusMessage());
            o.updatedMarketMillis = clock.marketMillis().getAsLong();
            save(o);
            emit(o);
        }
        react(o.trade);
    }

    private void recordFill(TrackedOrder o, BrokerOrder b) {
        long delta = b.filledQuantity() - o.filled;
        long value = b.averagePricePaise() * b.filledQuantity() - o.averagePaise * o.filled;
        long price = Math.round((double) value / delta);
        Ledger.Applied a = ledger.apply(o.trade.instrument.token(), o.trade.instrument.symbol(), o.spec.side(), delta, price);
        long now = clock.marketMillis().getAsLong();
        OrderJournal.FillRecord f = new OrderJournal.FillRecord((o.orderId == null ? o.tag : o.orderId) + ":" + b.filledQuantity(),
                o.tag, o.orderId, gateway.name(), o.trade.instrument.symbol(), o.trade.instrument.token(), o.spec.side().name(),
                delta, price, now, session, a.charges(), a.realised());
        journal.recordFill(f);
        fills.add(f);
        o.filled = b.filledQuantity();
        o.averagePaise = b.averagePricePaise();
        o.trade.net += o.spec.side() == Side.BUY ? delta : -delta;
        LOG.info("fill: {} {} {} @ {} ({} {}), charges {}, position {}", o.spec.side(), delta, o.trade.instrument.symbol(),
                Money.rupees(price), o.role, o.tag, Money.rupees(a.charges().total()), o.trade.net);
        savePosition(o.trade.instrument.token(), now);
        checkBreaker(now);
    }

    // ------------------------------------------------------------------------------------------------ trade logic

    /** Drives a trade to its next state after any change: protect a filled entry, OCO, close, flatten. */
    private void react(Trade t) {
        if (closed || gateway == null) {
            return;
        }
        if (t.net == 0) {
            if (!t.entryWorking()) {
                cancelWorking(t, Role.STOP, "position closed");
                cancelWorking(t, Role.TARGET, "position closed");
            }
            return;
        }
        boolean reversed = t.net > 0 != (t.side == Side.BUY);
        if (reversed) {
            cancelWorking(t, Role.STOP, "position reversed");
            cancelWorking(t, Role.TARGET, "position reversed");
            if (t.working(Role.EXIT) == null) {
                LOG.error("{} position reversed to {} (stop and target both filled): closing the surplus at the market",
                        t.instrument.symbol(), t.net);
                placeExit(t);
            }
            return;
        }
        if (t.closingReason != null) {
            ensureClosing(t);
            return;
        }
        if (t.entryWorking()) {
            return; // partly filled: protect once the entry is done
        }
        long size = Math.abs(t.net);
        TrackedOrder stop = t.working(Role.STOP);
        if (stop == null) {
            if (t.working(Role.EXIT) != null) {
                return;
            }
            int attempt = t.nextAttempt(Role.STOP);
            TrackedOrder last = lastOf(t, Role.STOP);
            if (last != null && "REJECTED".equals(last.status)) {
                startClosing(t, "the stop order was rejected (" + last.message + "): exiting at the market");
                return;
            }
            if (attempt > 9) {
                startClosing(t, "the stop could not be kept at the exchange: exiting at the market");
                return;
            }
            if (attempt > 0 && !venueHolds(t)) {
                return;
            }
            Long lastPaise = lastPrice.get(t.instrument.token());
            if (lastPaise != null && (t.side == Side.BUY ? lastPaise <= t.stopPaise : lastPaise >= t.stopPaise)) {
                startClosing(t, "the price " + Money.rupees(lastPaise) + " is already beyond the stop " + Money.rupees(t.stopPaise));
                return;
            }
            TrackedOrder s = track(t, Role.STOP, new NewOrder(OrderTags.sibling(t.entryTag, Role.STOP, attempt), t.instrument,
                    t.side.opposite(), size, OrderType.SL_M, 0, t.stopPaise, settings.product(), settings.marketProtection()));
            send(s);
        } else if (stop.resting() && stop.quantity != size) {
            modify(stop, OrderGateway.Modification.quantity(size), "position is now " + size);
        }
        if (!t.watchTarget) {
            TrackedOrder target = t.working(Role.TARGET);
            if (target == null && !t.ever(Role.TARGET)) {
                TrackedOrder tg = track(t, Role.TARGET, new NewOrder(OrderTags.sibling(t.entryTag, Role.TARGET, 0), t.instrument,
                        t.side.opposite(), size, OrderType.LIMIT, t.targetPaise, 0, settings.product(), 0));
                send(tg);
            } else if (target == null && "REJECTED".equals(lastOf(t, Role.TARGET).status)) {
                t.watchTarget = true;
                LOG.warn("{} target order rejected: the target {} is watched instead", t.instrument.symbol(),
                        Money.rupees(t.targetPaise));
            } else if (target != null && target.resting() && target.quantity != size) {
                modify(target, OrderGateway.Modification.quantity(size), "position is now " + size);
            }
        }
    }

    private static TrackedOrder lastOf(Trade t, Role role) {
        TrackedOrder last = null;
        for (TrackedOrder o : t.orders) {
            if (o.role == role) {
                last = o;
            }
        }
        return last;
    }

    private void startClosing(Trade t, String reason) {
        if (t.done()) {
            return;
        }
        if (t.closingReason == null) {
            t.closingReason = reason;
            LOG.info("closing {} {}: {}", t.instrument.symbol(), t.signalKey, reason);
        }
        ensureClosing(t);
    }

    /** Cancel what would open or add, then exit: the resting stop becomes a MARKET order, else a MARKET exit is sent. */
    private void ensureClosing(Trade t) {
        TrackedOrder entry = t.entry();
        if (entry != null && entry.working()) {
            cancel(entry, t.closingReason);
        }
        cancelWorking(t, Role.TARGET, t.closingReason);
        if (t.net == 0 || t.working(Role.EXIT) != null) {
            return;
        }
        if (entry != null && entry.working() && !entry.resting()) {
            return; // in flight: wait until it is known
        }
        TrackedOrder stop = t.working(Role.STOP);
        long wall = clock.wallMillis().getAsLong();
        if (stop != null && stop.marketSent && wall - stop.marketSentWallMillis > 10_000) {
            stop.marketSent = false; // the conversion was not seen to take effect: try again
        }
        if (stop != null && stop.resting() && !stop.marketSent && !stop.marketRefused && Math.abs(t.net) == stop.quantity) {
            stop.marketSent = true;
            stop.marketSentWallMillis = wall;
            modify(stop, OrderGateway.Modification.toMarket(), t.closingReason);
            if (!stop.marketRefused) {
                return;
            }
        }
        if (stop != null && !stop.marketRefused && (stop.marketSent || !stop.resting())) {
            return; // converting, or in flight
        }
        if (stop != null) {
            cancel(stop, t.closingReason);
        }
        placeExit(t);
    }

    private void placeExit(Trade t) {
        if (!venueHolds(t)) {
            return;
        }
        int attempt = t.nextAttempt(Role.EXIT);
        if (attempt > 9) {
            LOG.error("{}: ten exit orders failed; the position of {} is left open. Close it in Kite.", t.instrument.symbol(),
                    t.net);
            return;
        }
        TrackedOrder x = track(t, Role.EXIT, new NewOrder(OrderTags.sibling(t.entryTag, Role.EXIT, attempt), t.instrument,
                t.net > 0 ? Side.SELL : Side.BUY, Math.abs(t.net), OrderType.MARKET, 0, 0, settings.product(),
                settings.marketProtection()));
        send(x);
    }

    /**
     * Before an order that only makes sense while the position is open (an exit, a stop placed again): whether the
     * venue still holds it. When the venue's position is flat (or the other way round), it was closed outside the
     * scanner, by the broker's square-off or by hand: that is journaled as a fill at the last price (so the day's P&L
     * stays near the truth) and nothing is sent. A venue that cannot be asked is trusted to hold it.
     */
    private boolean venueHolds(Trade t) {
        java.util.OptionalLong venue = gateway.netQuantity(t.instrument, settings.product());
        if (venue.isEmpty() || venue.getAsLong() != 0 && Long.signum(venue.getAsLong()) == Long.signum(t.net)) {
            return true;
        }
        long now = clock.marketMillis().getAsLong();
        long price = lastPrice.getOrDefault(t.instrument.token(), 0L);
        Ledger.Book book = ledger.book(t.instrument.token());
        if (price <= 0 && book != null) {
            price = book.last;
        }
        Side side = t.net > 0 ? Side.SELL : Side.BUY;
        long quantity = Math.abs(t.net);
        LOG.error("{}: the venue shows a net position of {}, not this trade's {}: it was closed outside the scanner (the"
                + " broker's square-off, or by hand). Nothing is sent; the close is journaled at the last price {}.",
                t.instrument.symbol(), venue.getAsLong(), t.net, Money.rupees(price));
        cancelWorking(t, Role.STOP, "closed outside the scanner");
        cancelWorking(t, Role.TARGET, "closed outside the scanner");
        Ledger.Applied a = ledger.apply(t.instrument.token(), t.instrument.symbol(), side, quantity, price);
        OrderJournal.FillRecord f = new OrderJournal.FillRecord(OUTSIDE + ":" + t.entryTag + ":" + fills.size(),
                OUTSIDE + t.entryTag.substring(OrderTags.PREFIX.length()), null, gateway.name(), t.instrument.symbol(),
                t.instrument.token(), side.name(), quantity, price, now, session, a.charges(), a.realised());
        journal.recordFill(f);
        fills.add(f);
        t.net = 0;
        t.closedOutside = true;
        savePosition(t.instrument.token(), now);
        checkBreaker(now);
        return false;
    }

    private void cancelWorking(Trade t, Role role, String why) {
        for (TrackedOrder o : List.copyOf(t.orders)) {
            if (o.role == role && o.working()) {
                cancel(o, why);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ prices, time

    private void handlePrices(Map<Long, Long> prices) {
        if (!ensureBooted()) {
            return;
        }
        long now = clock.marketMillis().getAsLong();
        prices.forEach((token, last) -> {
            if (last > 0) {
                lastPrice.put(token, last);
                ledger.mark(token, last);
                gateway.onPrice(token, last, now);
            }
        });
        for (Trade t : List.copyOf(trades.values())) {
            Long last = prices.get(t.instrument.token());
            if (last == null || t.net == 0 || t.closingReason != null || !t.watchTarget || t.entryWorking()) {
                continue;
            }
            boolean reached = t.net > 0 ? last >= t.targetPaise : last <= t.targetPaise;
            if (reached) {
                startClosing(t, "target " + Money.rupees(t.targetPaise) + " reached (last " + Money.rupees(last) + ")");
            }
        }
        checkBreaker(now);
        publish();
    }

    private void checkBreaker(long now) {
        if (breakerReason != null) {
            return;
        }
        long net = ledger.net();
        if (net > -settings.maxLossPerDayPaise()) {
            return;
        }
        breakerReason = "the day's loss of Rs " + Money.rupees(-net) + " (realised " + Money.rupees(ledger.realised())
                + ", open " + Money.rupees(ledger.unrealised()) + ", charges " + Money.rupees(ledger.charges().total())
                + ") reached risk.max.loss.per.day = Rs " + Money.rupees(settings.maxLossPerDayPaise())
                + "; no new entries until the next session";
        breakerMillis = now;
        LOG.warn("loss breaker tripped: {}", breakerReason);
        journal.recordBreakerTrip(session, now, breakerReason, net);
        listener.onBreaker(breakerReason, Money.toDouble(net), now);
        if (settings.breakerSquareOff()) {
            for (Trade t : List.copyOf(trades.values())) {
                startClosing(t, "loss breaker");
            }
        }
    }

    private void housekeeping() {
        if (closed) {
            return;
        }
        try {
            if (ensureBooted()) {
                rollSession();
                long now = clock.marketMillis().getAsLong();
                long wall = clock.wallMillis().getAsLong();
                if (!reconciled && wall - lastReconcileMillis >= 5_000
                        || trades.values().stream().anyMatch(Trade::anyWorking) && wall - lastReconcileMillis >= RECONCILE_MILLIS) {
                    reconcile(reconciled ? "periodic check" : "retry");
                }
                squareOffIfDue(now);
                for (Trade t : List.copyOf(trades.values())) {
                    TrackedOrder e = t.entry();
                    if (e != null && e.resting() && e.spec.type() == OrderType.LIMIT
                            && now - e.createdMarketMillis > settings.entryTimeoutSeconds() * 1000L) {
                        cancel(e, "unfilled after orders.entry.timeout.seconds = " + settings.entryTimeoutSeconds());
                    }
                    if (!t.done()) {
                        react(t);
                    }
                }
                if (wall - lastPositionsSave >= POSITIONS_SAVE_MILLIS) {
                    for (Ledger.Book b : ledger.books()) {
                        savePosition(b.token, now);
                    }
                    lastPositionsSave = wall;
                }
                publish();
            }
        } catch (RuntimeException e) {
            LOG.error("order executor housekeeping failed: {}", e.toString(), e);
        } finally {
            if (!closed) {
                runner.schedule(() -> guarded("housekeeping", this::housekeeping), HOUSEKEEPING_MILLIS);
            }
        }
    }

    private boolean ensureBooted() {
        if (!booted && !closed && clock.marketTimeKnown().getAsBoolean()) {
            boot();
        }
        return booted;
    }

    private void rollSession() {
        String today = sessionOf(clock.marketMillis().getAsLong());
        if (today.equals(session)) {
            return;
        }
        LOG.info("new session {}: daily limits and the breaker reset", today);
        session = today;
        trades.values().removeIf(Trade::done);
        restore();
        reconcile("new session");
    }

    private void squareOffIfDue(long now) {
        if (session.equals(squaredOffSession) || !SessionCalendar.istDate(now).toString().equals(session)
                || SessionCalendar.istMillisOfDay(now) < settings.squareOffTime().toSecondOfDay() * 1000L) {
            return;
        }
        squaredOffSession = session;
        List<Trade> open = trades.values().stream().filter(t -> !t.done()).toList();
        LOG.info("square-off time {}: closing {} open trades", settings.squareOffTime(), open.size());
        for (Trade t : open) {
            startClosing(t, "square-off at " + settings.squareOffTime());
        }
    }

    /** Reads the venue's book and brings every tracked order to it; orders never acknowledged and absent were not placed. */
    private void reconcile(String why) {
        lastReconcileMillis = clock.wallMillis().getAsLong();
        List<BrokerOrder> book;
        try {
            book = gateway.todaysOrders();
        } catch (OrderNotSent e) {
            LOG.warn("reconcile ({}): cannot read the order book: {}; new entries wait", why, e.getMessage());
            return;
        }
        Map<String, BrokerOrder> byBookTag = new HashMap<>();
        for (BrokerOrder b : book) {
            if (b.tag() != null) {
                byBookTag.put(b.tag(), b);
            }
        }
        for (Trade t : List.copyOf(trades.values())) {
            for (TrackedOrder o : List.copyOf(t.orders)) {
                BrokerOrder b = byBookTag.remove(o.tag);
                if (b != null) {
                    if (o.working() || b.filledQuantity() > o.filled) {
                        apply(o, b);
                    }
                } else if (!reconciled && (TrackedOrder.SENDING.equals(o.status) || TrackedOrder.UNKNOWN.equals(o.status))) {
                    change(o, TrackedOrder.NOT_PLACED, "not in the venue's order book after a restart: it was not placed,"
                            + " and it is not sent again");
                }
            }
        }
        for (BrokerOrder b : byBookTag.values()) {
            adoptIfOurs(b);
        }
        boolean first = !reconciled;
        reconciled = true;
        if (first) {
            LOG.info("reconciled the journal with the venue's order book ({}): {} orders in the book, {} trades tracked", why,
                    book.size(), trades.size());
            reportPositions(why);
        }
        for (Trade t : List.copyOf(trades.values())) {
            if (!t.done()) {
                react(t);
            }
        }
        publish();
    }

    /** The open positions as rebuilt from the journal and the venue's book, before anything new is sent. */
    private void reportPositions(String why) {
        List<PositionsEvent.Open> open = new ArrayList<>();
        for (Ledger.Book b : ledger.books()) {
            if (b.quantity != 0) {
                open.add(new PositionsEvent.Open(b.symbol, b.token, b.quantity, Money.toDouble(b.averagePrice())));
            }
        }
        LOG.info("open positions after reading the order book ({}): {}", why, open.isEmpty() ? "none" : open);
        listener.onPositions(new PositionsEvent(clock.marketMillis().getAsLong(), why, gatewayName(), open));
    }

    // ------------------------------------------------------------------------------------------------ journal, view

    private void change(TrackedOrder o, String status, String message) {
        o.status = status;
        o.message = message;
        o.updatedMarketMillis = clock.marketMillis().getAsLong();
        save(o);
        emit(o);
    }

    private void save(TrackedOrder o) {
        NewOrder s = o.spec;
        journal.saveOrder(new OrderJournal.OrderRecord(o.tag, o.trade.signalKey, o.role.name(), gatewayName(),
                s.instrument().symbol(), s.instrument().token(), s.instrument().exchange(), s.side().name(), o.quantity,
                s.type().wire(), s.pricePaise(), s.triggerPaise(), o.trade.stopPaise, o.trade.targetPaise, s.product(),
                s.marketProtection(), o.orderId, o.status, o.filled, o.averagePaise, o.message, o.createdMarketMillis,
                o.updatedMarketMillis, session));
    }

    private void emit(TrackedOrder o) {
        NewOrder s = o.spec;
        listener.onOrder(new OrderEvent(o.updatedMarketMillis, s.instrument().symbol(), s.side().name(), o.quantity, o.tag,
                o.status, gatewayName(), o.role.name(), o.orderId, s.type().wire(), Money.toDouble(s.pricePaise()),
                Money.toDouble(s.triggerPaise()), Money.toDouble(o.averagePaise), o.filled, o.message == null ? "" : o.message,
                o.trade.signalKey));
        publish();
    }

    private void savePosition(long token, long now) {
        Ledger.Book b = ledger.book(token);
        if (b == null) {
            return;
        }
        journal.savePosition(new OrderJournal.PositionRecord(session, gatewayName(), b.symbol, b.token, b.quantity,
                b.averagePrice(), b.last, b.realised, b.unrealised(), b.charges, now));
    }

    private String gatewayName() {
        return gateway == null ? "" : gateway.name();
    }

    private void publish() {
        if (!booted) {
            return;
        }
        List<TradingView.OrderRow> all = new ArrayList<>();
        List<TradingView.OrderRow> open = new ArrayList<>();
        int openTrades = 0;
        for (Trade t : trades.values()) {
            if (!t.done()) {
                openTrades++;
            }
            for (TrackedOrder o : t.orders) {
                TradingView.OrderRow r = new TradingView.OrderRow(o.tag, o.role.name(), o.spec.instrument().symbol(),
                        o.spec.side().name(), o.quantity, o.spec.type().wire(), Money.toDouble(o.spec.pricePaise()),
                        Money.toDouble(o.spec.triggerPaise()), o.status, o.filled, Money.toDouble(o.averagePaise), o.orderId,
                        o.message == null ? "" : o.message, o.updatedMarketMillis);
                all.add(r);
                if (o.working()) {
                    open.add(r);
                }
            }
        }
        List<TradingView.FillRow> fillRows = new ArrayList<>();
        for (OrderJournal.FillRecord f : fills) {
            fillRows.add(new TradingView.FillRow(f.fillId(), f.tag(), f.symbol(), f.side(), f.quantity(),
                    Money.toDouble(f.pricePaise()), f.timeMillis(), Money.toDouble(f.charges().total()),
                    Money.toDouble(f.realisedPaise())));
        }
        List<TradingView.PositionRow> positions = new ArrayList<>();
        for (Ledger.Book b : ledger.books()) {
            positions.add(new TradingView.PositionRow(b.symbol, b.quantity, Money.toDouble(b.averagePrice()),
                    Money.toDouble(b.last), Money.toDouble(b.realised), Money.toDouble(b.unrealised()), Money.toDouble(b.charges)));
        }
        Charges c = ledger.charges();
        view = new TradingView(autoTrade ? gate.mode().name() : "OFF", autoTrade, gateway.name(), gateway.venue(), session,
                List.copyOf(all), List.copyOf(open), List.copyOf(fillRows), List.copyOf(positions),
                Money.toDouble(ledger.realised()), Money.toDouble(ledger.unrealised()),
                new TradingView.ChargesRow(Money.toDouble(c.brokerage()), Money.toDouble(c.stt()), Money.toDouble(c.exchange()),
                        Money.toDouble(c.sebi()), Money.toDouble(c.stamp()), Money.toDouble(c.gst()), Money.toDouble(c.total())),
                Money.toDouble(ledger.net()),
                new TradingView.Breaker(breakerReason != null, breakerReason == null ? "" : breakerReason, breakerMillis,
                        Money.toDouble(settings.maxLossPerDayPaise())),
                entriesToday, settings.maxOrdersPerDay(), openTrades, settings.maxOpenPositions(), entryBlock(),
                List.copyOf(refusals), settings.charges().source());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void guarded(String what, Runnable task) {
        if (closed) {
            return;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("order executor: {} failed: {}", what, e.toString(), e);
        }
    }

    private static long tick(Instrument in, double rupees) {
        return Prices.roundToTick(rupees, in.tickSize(), in.token());
    }

    private static String sessionOf(long marketMillis) {
        return SessionCalendar.istDate(marketMillis).toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
