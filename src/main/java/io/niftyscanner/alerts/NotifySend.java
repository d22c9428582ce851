package io.niftyscanner.alerts;

import io.niftyscanner.market.Side;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Linux desktops (GNOME, KDE, XFCE, dunst, …): {@code notify-send} from libnotify, through the session's D-Bus. */
final class NotifySend implements DesktopBackend {
    static final String PROGRAM = "notify-send";
    private final ProcessLauncher launcher;
    private final String reason;

    NotifySend(ProcessLauncher launcher, Predicate<String> onPath) {
        this.launcher = launcher;
        this.reason = onPath.test(PROGRAM) ? null
                : "notify-send not found: no desktop notifications (install libnotify-bin, e.g. sudo apt-get install libnotify-bin)";
    }

    @Override
    public String name() {
        return PROGRAM;
    }

    @Override
    public String unavailableReason() {
        return reason;
    }

    static List<String> command(Alert alert) {
        return List.of(PROGRAM, "--app-name=NIFTY Scanner", "--urgency=normal", "--expire-time=15000",
                "--icon=" + (alert.side() == Side.BUY ? "go-up" : "go-down"), "--category=im.received", "--",
                alert.title(), alert.body());
    }

    @Override
    public Delivery show(Alert alert) throws Exception {
        ProcessLauncher.Result r = launcher.run(command(alert), Duration.ofSeconds(5));
        if (r.exitCode() == 0) {
            return Delivery.OK;
        }
        return Delivery.failed("notify-send exited with " + r.exitCode() + (r.output().isEmpty() ? "" : ": " + r.output()));
    }
}
