package io.niftyscanner.orders;

import java.util.List;

/**
 * Where orders go: Kite or the sandbox ({@link KiteOrderGateway}, the same code for both) or the local paper book
 * ({@link PaperOrderGateway}). Calls come from the executor's one thread. Writes throw {@link OrderNotSent},
 * {@link OrderOutcomeUnknown} or {@link OrderRejected}; reads throw {@link OrderNotSent} when the venue cannot be read.
 */
public interface OrderGateway extends AutoCloseable {
    /** Hears order updates (any thread): every change of an order's status or fill. */
    interface Listener {
        void onUpdate(BrokerOrder order);

        /** The update channel reconnected: updates may have been missed, read the order book. */
        default void onResync() {}
    }

    /** {@code paper} or {@code kite}: the {@code gateway} field of the order JSON line (design.md 5). */
    String name();

    /** For people: where the orders go, e.g. "paper (local fills, Indian charges)" or "sandbox exchange". */
    String venue();

    /** Starts the update channel. */
    void start(Listener listener);

    /** Sends the order; returns the venue's order id. */
    String place(NewOrder order);

    /** Changes an open order's quantity or type (to MARKET, to exit at once). */
    void modify(String orderId, Modification change);

    void cancel(String orderId);

    /** The day's orders, every one of them, as the venue has them. */
    List<BrokerOrder> todaysOrders();

    /**
     * The venue's net quantity of the instrument in the product today (signed), or empty when it cannot be read. It
     * includes orders the scanner did not place (a square-off by the broker, a trade by hand).
     */
    default java.util.OptionalLong netQuantity(io.niftyscanner.market.Instrument instrument, String product) {
        return java.util.OptionalLong.empty();
    }

    /** A last traded price for an instrument (paise, exchange time); gateways that simulate fills use it. */
    default void onPrice(long token, long lastPaise, long marketMillis) {}

    @Override
    default void close() {}

    /**
     * The trader logged in again and pressed Reconnect: an update channel that stopped on a rejected token starts
     * again. Called on the executor's thread.
     */
    default void reconnect() {}

    /** What a modification changes: a new quantity, or (type MARKET) an exit at the market. Null = unchanged. */
    record Modification(Long quantity, OrderType type) {
        public static Modification quantity(long q) {
            return new Modification(q, null);
        }

        public static Modification toMarket() {
            return new Modification(null, OrderType.MARKET);
        }
    }
}
