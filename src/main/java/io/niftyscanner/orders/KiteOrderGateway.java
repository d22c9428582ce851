package io.niftyscanner.orders;

import io.niftyscanner.kite.KiteException;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteTicker;
import io.niftyscanner.kite.KiteTickerListener;
import io.niftyscanner.kite.Order;
import io.niftyscanner.kite.OrderModification;
import io.niftyscanner.kite.OrderRequest;
import io.niftyscanner.kite.OutcomeUnknownException;
import io.niftyscanner.kite.RateLimitException;
import io.niftyscanner.kite.RequestNotSentException;
import io.niftyscanner.market.Prices;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders to Kite, or to the sandbox exchange, through the same REST client and a ticker connection of its own for order
 * updates (text messages; kite-protocol.md 1.5). Kite's failures become the executor's three kinds: nothing sent,
 * outcome unknown, rejected.
 */
public final class KiteOrderGateway implements OrderGateway {
    private static final Logger LOG = LoggerFactory.getLogger(KiteOrderGateway.class);
    private static final String VARIETY = "regular";

    private final KiteRestClient rest;
    private final KiteTicker.Options tickerOptions;
    private final String venue;
    private volatile KiteTicker ticker;
    private volatile Listener listener;
    private volatile boolean tokenRejected;

    /**
     * @param tickerOptions the ticker to hear order updates on; null for none (the executor then relies on reading the
     *                      order book)
     * @param venue         for people, e.g. "Zerodha Kite" or "sandbox exchange"
     */
    public KiteOrderGateway(KiteRestClient rest, KiteTicker.Options tickerOptions, String venue) {
        this.rest = rest;
        this.tickerOptions = tickerOptions;
        this.venue = venue;
    }

    @Override
    public String name() {
        return "kite";
    }

    @Override
    public String venue() {
        return venue;
    }

    @Override
    public void start(Listener listener) {
        if (tickerOptions == null) {
            return;
        }
        this.listener = listener;
        tokenRejected = false;
        AtomicBoolean connectedBefore = new AtomicBoolean();
        ticker = new KiteTicker(tickerOptions, new KiteTickerListener() {
            @Override
            public void onOrderUpdate(Order order) {
                listener.onUpdate(toBroker(order));
            }

            @Override
            public void onConnected() {
                if (connectedBefore.getAndSet(true)) {
                    listener.onResync();
                }
            }

            @Override
            public void onTokenRejected(String message) {
                tokenRejected = true;
                LOG.error("order updates: {}", message);
            }
        });
        try {
            ticker.connect();
        } catch (KiteException e) {
            LOG.warn("order updates unavailable ({}): the order book is read every 15 s instead", e.getMessage());
        }
    }

    @Override
    public void reconnect() {
        Listener l = listener;
        if (l == null || !tokenRejected) {
            return; // never started, or the channel reconnects on its own
        }
        KiteTicker old = ticker;
        if (old != null) {
            old.close();
        }
        LOG.info("order updates: connecting again after a new login");
        start(l);
    }

    @Override
    public String place(NewOrder o) {
        OrderRequest request = new OrderRequest(VARIETY, o.instrument().exchange(), o.instrument().symbol(), o.side().name(),
                o.type().wire(), Math.toIntExact(o.quantity()), o.product(), rupees(o.pricePaise(), o),
                rupees(o.triggerPaise(), o), "DAY", o.tag(),
                o.type() == OrderType.MARKET || o.type() == OrderType.SL_M ? Integer.valueOf(o.marketProtection()) : null);
        try {
            return rest.placeOrder(request);
        } catch (KiteException e) {
            throw translate(e, "place " + o.tag());
        }
    }

    @Override
    public void modify(String orderId, Modification change) {
        try {
            rest.modifyOrder(VARIETY, orderId, new OrderModification(
                    change.quantity() == null ? null : Math.toIntExact(change.quantity()), null, null,
                    change.type() == null ? null : change.type().wire()));
        } catch (KiteException e) {
            throw translate(e, "modify " + orderId);
        }
    }

    @Override
    public void cancel(String orderId) {
        try {
            rest.cancelOrder(VARIETY, orderId);
        } catch (KiteException e) {
            throw translate(e, "cancel " + orderId);
        }
    }

    @Override
    public List<BrokerOrder> todaysOrders() {
        try {
            List<BrokerOrder> out = new ArrayList<>();
            for (Order o : rest.orders()) {
                out.add(toBroker(o));
            }
            return out;
        } catch (KiteException e) {
            throw new OrderNotSent("Cannot read the order book: " + e.getMessage(), e);
        }
    }

    @Override
    public java.util.OptionalLong netQuantity(io.niftyscanner.market.Instrument in, String product) {
        try {
            long q = 0;
            for (io.niftyscanner.kite.Position p : rest.positions()) {
                if (p.tradingsymbol().equals(in.symbol()) && p.exchange().equals(in.exchange()) && p.product().equals(product)) {
                    q += p.quantity();
                }
            }
            return java.util.OptionalLong.of(q);
        } catch (KiteException e) {
            LOG.warn("cannot read the positions of {}: {}", in.symbol(), e.getMessage());
            return java.util.OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.close();
        }
    }

    static OrderFailure translate(KiteException e, String what) {
        if (e instanceof OutcomeUnknownException) {
            return new OrderOutcomeUnknown(what + ": " + e.getMessage(), e);
        }
        if (e instanceof RequestNotSentException || e instanceof RateLimitException) {
            return new OrderNotSent(what + ": " + e.getMessage(), e);
        }
        return new OrderRejected(what + ": " + e.getMessage(), e);
    }

    private static BigDecimal rupees(long paise, NewOrder o) {
        if (paise <= 0) {
            return null;
        }
        int scale = Long.toString(Prices.divisor(o.instrument().token())).length() - 1;
        return BigDecimal.valueOf(paise, scale);
    }

    static BrokerOrder toBroker(Order o) {
        long token = o.instrumentToken();
        return new BrokerOrder(o.orderId(), o.tag().isEmpty() ? null : o.tag(), o.status(), o.statusMessage(), o.tradingsymbol(),
                o.transactionType(), o.orderType(), o.quantity(), o.filledQuantity(), paise(o.averagePrice(), token),
                paise(o.price(), token), paise(o.triggerPrice(), token), o.orderTimestampMillis());
    }

    private static long paise(BigDecimal rupees, long token) {
        return rupees == null ? 0 : rupees.multiply(BigDecimal.valueOf(token == 0 ? 100 : Prices.divisor(token)))
                .setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    }
}
