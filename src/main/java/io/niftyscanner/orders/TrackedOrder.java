package io.niftyscanner.orders;

import java.util.Set;

/** One of our orders as the executor knows it. Executor thread only. */
final class TrackedOrder {
    static final String SENDING = "SENDING";
    static final String PLACED = "PLACED";
    static final String UNKNOWN = "UNKNOWN";
    static final String NOT_PLACED = "NOT_PLACED";
    private static final Set<String> FINAL = Set.of("COMPLETE", "CANCELLED", "REJECTED", NOT_PLACED);

    final String tag;
    final Role role;
    final Trade trade;
    final NewOrder spec;
    final long createdMarketMillis;
    long quantity;
    String orderId;
    String status = SENDING;
    long filled;
    long averagePaise;
    String message;
    long updatedMarketMillis;
    int notSentAttempts;
    /** A cancel or a conversion to MARKET was sent and not refused: do not send it again. */
    boolean cancelSent;
    boolean marketSent;
    long marketSentWallMillis;
    /** The venue refused to turn it into a MARKET order: cancel it and exit with an order of our own. */
    boolean marketRefused;

    TrackedOrder(String tag, Role role, Trade trade, NewOrder spec, long createdMarketMillis) {
        this.tag = tag;
        this.role = role;
        this.trade = trade;
        this.spec = spec;
        this.quantity = spec.quantity();
        this.createdMarketMillis = createdMarketMillis;
        this.updatedMarketMillis = createdMarketMillis;
    }

    boolean isFinal() {
        return FINAL.contains(status);
    }

    /** Still able to trade: in flight, unknown, or resting at the venue. */
    boolean working() {
        return !isFinal();
    }

    /** Resting at the venue with a known id, so it can be modified or cancelled. */
    boolean resting() {
        return orderId != null && ("OPEN".equals(status) || "TRIGGER PENDING".equals(status) || PLACED.equals(status)
                || "OPEN PENDING".equals(status) || "MODIFIED".equals(status) || "AMO REQ RECEIVED".equals(status));
    }

    long signedFilled() {
        return spec.side() == io.niftyscanner.market.Side.BUY ? filled : -filled;
    }
}
