package io.niftyscanner.alerts;

/** One way to put a notification on the desktop (notify-send, osascript, the system tray). */
interface DesktopBackend {
    String name();

    /** Null when usable on this machine; otherwise why not. Cheap (cached). */
    String unavailableReason();

    Delivery show(Alert alert) throws Exception;

    default void close() {}
}
