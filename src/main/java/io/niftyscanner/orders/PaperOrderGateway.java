package io.niftyscanner.orders;

import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A local order book that fills against live data: market orders at the touch (buy at the ask, sell at the bid) plus
 * slippage; limit orders once the last price reaches them, at their price; SL-M orders once the last price crosses
 * the trigger, at that price plus slippage. Nothing leaves this machine. The day's book is rebuilt from the journal at
 * start, so resting stops and targets survive a restart. Fills pay the Indian charges of the executor's ledger.
 */
public final class PaperOrderGateway implements OrderGateway {
    private final TouchSource touchSource;
    private final int slippageTicks;
    private final LongSupplier marketMillis;
    private final Map<Long, Instrument> instruments = new HashMap<>();
    private final Map<String, Paper> book = new LinkedHashMap<>();
    private final Map<Long, Long> lastPrice = new HashMap<>();
    private final List<BrokerOrder> restored;
    private Listener listener = order -> { };
    private long sequence;

    private static final class Paper {
        String id;
        String tag;
        Instrument instrument;
        Side side;
        OrderType type;
        long quantity;
        long price;
        long trigger;
        String status;
        String message;
        long filled;
        long average;
        long time;
        long placed;

        boolean live() {
            return status.equals("OPEN") || status.equals("TRIGGER PENDING");
        }
    }

    /**
     * @param restored today's paper orders from the journal (id, tag, state); those still open rest again
     */
    public PaperOrderGateway(TouchSource touchSource, int slippageTicks, List<Instrument> instruments, LongSupplier marketMillis,
                             List<BrokerOrder> restored) {
        this.touchSource = touchSource;
        this.slippageTicks = slippageTicks;
        this.marketMillis = marketMillis;
        instruments.forEach(i -> this.instruments.put(i.token(), i));
        this.restored = List.copyOf(restored);
    }

    @Override
    public String name() {
        return "paper";
    }

    @Override
    public String venue() {
        return "paper trading (local fills at the touch with slippage, Indian charges)";
    }

    @Override
    public synchronized void start(Listener l) {
        this.listener = l;
        for (BrokerOrder b : restored) {
            Instrument in = bySymbol(b.symbol());
            if (in == null || b.orderId() == null) {
                continue;
            }
            Paper p = new Paper();
            p.id = b.orderId();
            p.tag = b.tag();
            p.instrument = in;
            p.side = Side.valueOf(b.side());
            p.type = OrderType.ofWire(b.orderType());
            p.quantity = b.quantity();
            p.price = b.pricePaise();
            p.trigger = b.triggerPaise();
            p.status = b.status();
            p.message = b.statusMessage();
            p.filled = b.filledQuantity();
            p.average = b.averagePricePaise();
            p.time = b.timeMillis();
            p.placed = b.timeMillis();
            book.put(p.id, p);
            sequence = Math.max(sequence, sequenceOf(p.id));
        }
    }

    @Override
    public String place(NewOrder o) {
        List<BrokerOrder> updates = new ArrayList<>();
        String id;
        synchronized (this) {
            long now = marketMillis.getAsLong();
            Paper p = new Paper();
            p.id = String.format(Locale.ROOT, "P%s%06d", SessionCalendar.istDate(now).toString().replace("-", "").substring(2),
                    ++sequence);
            p.tag = o.tag();
            p.instrument = o.instrument();
            p.side = o.side();
            p.type = o.type();
            p.quantity = o.quantity();
            p.price = o.pricePaise();
            p.trigger = o.triggerPaise();
            p.time = now;
            p.placed = now;
            book.put(p.id, p);
            id = p.id;
            if (o.type() == OrderType.SL || o.type() == OrderType.SL_M) {
                p.status = "TRIGGER PENDING";
                updates.add(view(p));
                Long last = lastPrice.get(p.instrument.token());
                if (last != null && triggered(p, last)) {
                    fillAtMarket(p, now, updates);
                }
            } else {
                p.status = "OPEN";
                updates.add(view(p));
                if (o.type() == OrderType.MARKET) {
                    fillAtMarket(p, now, updates);
                } else {
                    Optional<Touch> t = touch(p.instrument);
                    long opposite = t.map(x -> p.side == Side.BUY ? x.askPaise() : x.bidPaise()).orElse(0L);
                    if (opposite > 0 && (p.side == Side.BUY ? opposite <= p.price : opposite >= p.price)) {
                        fill(p, opposite, now, updates);
                    }
                }
            }
        }
        updates.forEach(listener::onUpdate);
        return id;
    }

    @Override
    public void modify(String orderId, Modification change) {
        List<BrokerOrder> updates = new ArrayList<>();
        synchronized (this) {
            Paper p = live(orderId, "modify");
            if (change.quantity() != null) {
                if (change.quantity() <= p.filled) {
                    throw new OrderRejected("Paper order " + orderId + ": the new quantity " + change.quantity()
                            + " is not above the filled " + p.filled, null);
                }
                p.quantity = change.quantity();
            }
            updates.add(view(p));
            if (change.type() == OrderType.MARKET) {
                p.type = OrderType.MARKET;
                p.status = "OPEN";
                fillAtMarket(p, marketMillis.getAsLong(), updates);
            }
        }
        updates.forEach(listener::onUpdate);
    }

    @Override
    public void cancel(String orderId) {
        BrokerOrder update;
        synchronized (this) {
            Paper p = live(orderId, "cancel");
            p.status = "CANCELLED";
            p.time = marketMillis.getAsLong();
            update = view(p);
        }
        listener.onUpdate(update);
    }

    /** The orders placed on the current market day (the book keeps earlier days' orders out of the answer). */
    @Override
    public synchronized List<BrokerOrder> todaysOrders() {
        long today = SessionCalendar.istEpochDay(marketMillis.getAsLong());
        List<BrokerOrder> out = new ArrayList<>();
        for (Paper p : book.values()) {
            if (SessionCalendar.istEpochDay(p.placed) == today) {
                out.add(view(p));
            }
        }
        return out;
    }

    /** The paper book holds only the scanner's orders, all MIS: their fills today. */
    @Override
    public synchronized java.util.OptionalLong netQuantity(Instrument in, String product) {
        long today = SessionCalendar.istEpochDay(marketMillis.getAsLong());
        long q = 0;
        for (Paper p : book.values()) {
            if (p.instrument.token() == in.token() && SessionCalendar.istEpochDay(p.placed) == today) {
                q += p.side == Side.BUY ? p.filled : -p.filled;
            }
        }
        return java.util.OptionalLong.of(q);
    }

    @Override
    public void onPrice(long token, long lastPaise, long marketMillis) {
        List<BrokerOrder> updates = new ArrayList<>();
        synchronized (this) {
            lastPrice.put(token, lastPaise);
            for (Paper p : book.values()) {
                if (p.instrument.token() != token || !p.live()) {
                    continue;
                }
                if (p.status.equals("TRIGGER PENDING")) {
                    if (triggered(p, lastPaise)) {
                        p.status = "OPEN";
                        fill(p, slipped(p, lastPaise), marketMillis, updates);
                    }
                } else if (p.type == OrderType.LIMIT && (p.side == Side.BUY ? lastPaise <= p.price : lastPaise >= p.price)) {
                    fill(p, p.price, marketMillis, updates);
                }
            }
        }
        updates.forEach(listener::onUpdate);
    }

    private Paper live(String orderId, String what) {
        Paper p = book.get(orderId);
        if (p == null) {
            throw new OrderRejected("Cannot " + what + " paper order " + orderId + ": no such order today", null);
        }
        if (!p.live()) {
            throw new OrderRejected("Cannot " + what + " paper order " + orderId + ": it is already " + p.status, null);
        }
        return p;
    }

    private static boolean triggered(Paper p, long last) {
        return p.side == Side.BUY ? last >= p.trigger : last <= p.trigger;
    }

    /** At the touch (or the last price when no quote can be read), plus slippage against us. */
    private void fillAtMarket(Paper p, long now, List<BrokerOrder> updates) {
        Optional<Touch> t = touch(p.instrument);
        long opposite = t.map(x -> p.side == Side.BUY ? x.askPaise() : x.bidPaise()).orElse(0L);
        long last = t.map(Touch::lastPaise).filter(x -> x > 0).orElse(lastPrice.getOrDefault(p.instrument.token(), 0L));
        long base = opposite > 0 ? opposite : last;
        if (base <= 0) {
            p.status = "REJECTED";
            p.message = "Paper: no price for " + p.instrument.symbol() + " yet, so a market order cannot be filled";
            p.time = now;
            updates.add(view(p));
            return;
        }
        if (opposite <= 0) {
            p.message = "filled at the last price: the touch could not be read";
        }
        fill(p, slipped(p, base), now, updates);
    }

    private long slipped(Paper p, long price) {
        long tick = Math.max(1, Math.round(p.instrument.tickSize() * io.niftyscanner.market.Prices.divisor(p.instrument.token())));
        long slip = slippageTicks * tick;
        return p.side == Side.BUY ? price + slip : Math.max(tick, price - slip);
    }

    private void fill(Paper p, long price, long now, List<BrokerOrder> updates) {
        p.average = price;
        p.filled = p.quantity;
        p.status = "COMPLETE";
        p.time = now;
        updates.add(view(p));
    }

    private Optional<Touch> touch(Instrument in) {
        try {
            return touchSource.touch(in).filter(t -> t.bidPaise() > 0 || t.askPaise() > 0 || t.lastPaise() > 0);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Instrument bySymbol(String symbol) {
        for (Instrument i : instruments.values()) {
            if (i.symbol().equals(symbol)) {
                return i;
            }
        }
        return null;
    }

    private static long sequenceOf(String id) {
        try {
            return Long.parseLong(id.substring(id.length() - 6));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static BrokerOrder view(Paper p) {
        return new BrokerOrder(p.id, p.tag, p.status, p.message, p.instrument.symbol(), p.side.name(), p.type.wire(), p.quantity,
                p.filled, p.average, p.price, p.trigger, p.time);
    }
}
