package io.niftyscanner.alerts;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The operating system's own notification, best effort: {@code notify-send} on Linux, Notification Center (through
 * osascript) on macOS, the system tray on Windows (and as macOS's fallback). The first
 * backend that is available is used.
 */
public final class DesktopNotificationChannel implements AlertChannel {
    public static final String NAME = "notification";
    private final List<DesktopBackend> backends;

    DesktopNotificationChannel(List<DesktopBackend> backends) {
        this.backends = List.copyOf(backends);
    }

    /** The backends for this machine's operating system. */
    public static DesktopNotificationChannel forThisMachine() {
        return forOs(System.getProperty("os.name", ""), ProcessLauncher.system(), DesktopNotificationChannel::onPath);
    }

    /**
     * @param osName   as {@code os.name} reports it
     * @param launcher runs notify-send or osascript
     * @param onPath   whether a program is on the PATH
     */
    public static DesktopNotificationChannel forOs(String osName, ProcessLauncher launcher, Predicate<String> onPath) {
        String os = osName.toLowerCase(Locale.ROOT);
        List<DesktopBackend> list = new ArrayList<>();
        if (os.startsWith("windows")) {
            list.add(new TrayNotification());
        } else if (os.startsWith("mac")) {
            list.add(new AppleScriptNotification(launcher, onPath));
            list.add(new TrayNotification());
        } else {
            // no AWT tray fallback here: AWT's X11 toolkit in the GTK process of the window upsets GDK's error handling,
            // and GNOME has no tray anyway
            list.add(new NotifySend(launcher, onPath));
        }
        return new DesktopNotificationChannel(list);
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Which backend an alert would go to now (null: none). */
    public String backend() {
        DesktopBackend b = first();
        return b == null ? null : b.name();
    }

    private DesktopBackend first() {
        for (DesktopBackend b : backends) {
            if (b.unavailableReason() == null) {
                return b;
            }
        }
        return null;
    }

    @Override
    public String unavailableReason() {
        if (first() != null) {
            return null;
        }
        List<String> why = new ArrayList<>();
        for (DesktopBackend b : backends) {
            why.add(b.unavailableReason());
        }
        return String.join("; ", why);
    }

    @Override
    public Delivery deliver(Alert alert) throws Exception {
        DesktopBackend b = first();
        return b == null ? Delivery.failed(unavailableReason()) : b.show(alert);
    }

    @Override
    public void close() {
        backends.forEach(DesktopBackend::close);
    }
}
