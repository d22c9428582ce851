package io.niftyscanner.orders;

/** Hears every order state change and the loss breaker, on the executor's thread: return quickly. */
@FunctionalInterface
public interface OrderListener {
    OrderListener NONE = e -> { };

    void onOrder(OrderEvent event);

    /**
     * The day's loss reached the limit: no new entries until the next session.
     *
     * @param dayPnl the day's net P&L in rupees (negative)
     */
    default void onBreaker(String reason, double dayPnl, long marketMillis) {}

    /** The venue's order book was read after a (re)start: the open positions the executor knows again. */
    default void onPositions(PositionsEvent positions) {}
}
