package io.niftyscanner.alerts;

/** Told of every alert as it is raised (on the thread that handed in the signal): keep it short, never block. */
public interface AlertListener {
    void onAlert(AlertEvent event);

    /**
     * Something the trader should hear about once: a channel that cannot deliver (no audio device, no notification
     * service) or that started failing for a new reason (for example Telegram refusing the bot token). Called on any
     * thread. Every notice is also logged as a warning.
     */
    default void onNotice(String channel, String text) {}
}
