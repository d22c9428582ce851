package io.niftyscanner.kite;

import io.niftyscanner.market.Tick;

/**
 * Events of a {@link KiteTicker}. Tick and frame callbacks run on the socket's reader thread and must return
 * quickly (enqueue, never block); connection events run on the ticker's supervisor thread. Every method has a
 * no-op default.
 */
public interface KiteTickerListener {
    /** Once per decoded packet, as an immutable {@link Tick}. */
    default void onTick(Tick tick) {}

    /**
     * Once per decoded packet with every field (depth, OHLC, OI). The holder is reused: copy what you keep.
     * The default converts it and calls {@link #onTick(Tick)}.
     */
    default void onTickData(KiteTickData data, long receivedNanos) {
        onTick(data.toTick(receivedNanos));
    }

    /** After all packets of one binary frame were delivered ({@code ticks} of them). */
    default void onTicks(int ticks) {}

    /** Any frame arrived (ticks, heartbeat or text): the connection is alive. */
    default void onFrame(long receivedNanos, boolean heartbeat) {}

    /** The socket is open and every subscription was sent again. */
    default void onConnected() {}

    default void onDisconnected(String reason) {}

    default void onReconnecting(int attempt, long delayMillis) {}

    /** The handshake was refused with 403: the access token is bad or expired. The ticker stops. */
    default void onTokenRejected(String message) {}

    /** Reconnect attempts are used up; the ticker stops. */
    default void onGaveUp(int attempts, String lastReason) {}

    /** An order postback ({@code {"type":"order"}}). */
    default void onOrderUpdate(Order order) {}

    /** An error: Kite's {@code {"type":"error"}} text, or a problem on our side. */
    default void onError(String message) {}

    /** A broker message ({@code {"type":"message"}}). */
    default void onMessage(String message) {}

    /** A binary frame that broke the layout; it was dropped whole. */
    default void onBadFrame(String reason) {}
}
