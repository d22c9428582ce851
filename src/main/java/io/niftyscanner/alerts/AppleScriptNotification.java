package io.niftyscanner.alerts;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** macOS: Notification Center through {@code osascript -e 'display notification …'}, present on every Mac. */
final class AppleScriptNotification implements DesktopBackend {
    static final String PROGRAM = "osascript";
    private final ProcessLauncher launcher;
    private final String reason;

    AppleScriptNotification(ProcessLauncher launcher, Predicate<String> onPath) {
        this.launcher = launcher;
        this.reason = onPath.test(PROGRAM) ? null : "osascript not found: no Notification Center alerts";
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
        String script = "display notification " + quoted(alert.body().replace('\n', ' ')) + " with title "
                + quoted("NIFTY Scanner") + " subtitle " + quoted(alert.title());
        return List.of(PROGRAM, "-e", script);
    }

    /** An AppleScript string literal: backslashes and double quotes escaped. */
    static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public Delivery show(Alert alert) throws Exception {
        ProcessLauncher.Result r = launcher.run(command(alert), Duration.ofSeconds(5));
        return r.exitCode() == 0 ? Delivery.OK
                : Delivery.failed("osascript exited with " + r.exitCode() + (r.output().isEmpty() ? "" : ": " + r.output()));
    }
}
