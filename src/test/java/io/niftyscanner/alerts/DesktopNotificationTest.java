package io.niftyscanner.alerts;

import static io.niftyscanner.alerts.Signals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.Side;
import io.niftyscanner.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Desktop notifications through the process-launcher seam (the command line is what the OS would run) and the real
 * system tray, which this headless test JVM does not have.
 */
class DesktopNotificationTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T05:00:02Z"));

    /** Records command lines and answers with a fixed result. */
    static final class RecordingLauncher implements ProcessLauncher {
        final List<List<String>> commands = new CopyOnWriteArrayList<>();
        volatile Result result = new Result(0, "");

        @Override
        public Result run(List<String> command, Duration timeout) {
            commands.add(command);
            return result;
        }
    }

    @Test
    void linuxRunsNotifySendWithTitleAndBody() {
        RecordingLauncher launcher = new RecordingLauncher();
        DesktopNotificationChannel channel = DesktopNotificationChannel.forOs("Linux", launcher, p -> p.equals("notify-send"));
        assertThat(channel.backend()).isEqualTo("notify-send");
        try (AlertService service = new AlertService(clock, Duration.ZERO).addChannel(channel)) {
            assertThat(service.onSignal(signal("RELIANCE", Side.BUY, 0)).channels()).containsExactly("notification");
            service.onSignal(signal("INFY", Side.SELL, 0));
            Await.until("two notifications", () -> service.stats("notification").delivered() == 2);
        }
        assertThat(launcher.commands.get(0)).containsExactly("notify-send", "--app-name=NIFTY Scanner", "--urgency=normal",
                "--expire-time=15000", "--icon=go-up", "--category=im.received", "--", "BUY RELIANCE at 2456.10",
                "EMA9 crossed above EMA21, RSI14 in [50,70]\nRSI 56.3 · stop 2441.10 · target 2486.10\ncandle 10:25 IST");
        assertThat(launcher.commands.get(1)).contains("--icon=go-down", "SELL INFY at 2456.10");
    }

    @Test
    void notifySendFailingWithoutASessionBusIsLoggedWithItsReason() {
        RecordingLauncher launcher = new RecordingLauncher();
        launcher.result = new ProcessLauncher.Result(1, "Cannot autolaunch D-Bus without X11 $DISPLAY");
        try (LogCapture log = new LogCapture();
             AlertService service = new AlertService(clock, Duration.ZERO)
                     .addChannel(DesktopNotificationChannel.forOs("Linux", launcher, p -> true))) {
            service.onSignal(signal("RELIANCE", Side.BUY, 0));
            // the failure is counted before it is logged and noticed: wait for the notice, which comes last
            Await.until("failed", () -> service.stats("notification").failed() == 1 && !service.notices().isEmpty());
            assertThat(log.all()).contains("notification failed: notify-send exited with 1: Cannot autolaunch D-Bus without X11 $DISPLAY");
            assertThat(service.notices()).containsExactly(
                    "notification alerts are failing: notify-send exited with 1: Cannot autolaunch D-Bus without X11 $DISPLAY");
        }
    }

    @Test
    void aLauncherThatCannotStartTheProgramIsAFailureNotAnException() {
        ProcessLauncher vanished = (command, timeout) -> {
            throw new IOException("Cannot run program \"notify-send\": error=2, No such file or directory");
        };
        try (AlertService service = new AlertService(clock, Duration.ZERO)
                .addChannel(DesktopNotificationChannel.forOs("Linux", vanished, p -> true))) {
            service.onSignal(signal("RELIANCE", Side.BUY, 0));
            Await.until("failed", () -> service.stats("notification").failed() == 1);
        }
    }

    @Test
    void macOsFallsBackToTheTrayWithoutOsascriptAndThisHeadlessJvmHasNone() {
        DesktopNotificationChannel channel = DesktopNotificationChannel.forOs("Mac OS X", new RecordingLauncher(), p -> false);
        assertThat(channel.unavailableReason()).contains("osascript not found").contains("system tray");
    }

    @Test
    void macOsUsesNotificationCenterWithTheTextQuotedForAppleScript() {
        RecordingLauncher launcher = new RecordingLauncher();
        DesktopNotificationChannel channel = DesktopNotificationChannel.forOs("Mac OS X", launcher, p -> p.equals("osascript"));
        try (AlertService service = new AlertService(clock, Duration.ZERO).addChannel(channel)) {
            service.onSignal(signal("RELIANCE", Side.SELL, 0));
            Await.until("shown", () -> service.stats("notification").delivered() == 1);
        }
        assertThat(launcher.commands.get(0)).containsExactly("osascript", "-e",
                "display notification \"EMA9 crossed below EMA21, RSI14 in [30,50] RSI 56.3 · stop 2471.10 · target 2426.10 candle 10:25 IST\""
                        + " with title \"NIFTY Scanner\" subtitle \"SELL RELIANCE at 2456.10\"");
        assertThat(AppleScriptNotification.quoted("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
    }

    @Test
    void withoutNotifySendTheChannelSaysWhyAndIsSkipped() {
        RecordingLauncher launcher = new RecordingLauncher();
        RecordingChannel window = new RecordingChannel("window");
        DesktopNotificationChannel channel = DesktopNotificationChannel.forOs("Linux", launcher, p -> false);
        assertThat(channel.backend()).isNull();
        assertThat(channel.unavailableReason()).isEqualTo(
                "notify-send not found: no desktop notifications (install libnotify-bin, e.g. sudo apt-get install libnotify-bin)");
        try (AlertService service = new AlertService(clock, Duration.ZERO).addChannel(window).addChannel(channel)) {
            assertThat(service.onSignal(signal("RELIANCE", Side.BUY, 0)).channels()).containsExactly("window");
            assertThat(service.notices()).hasSize(1);
        }
        assertThat(launcher.commands).isEmpty();
    }

    @Test
    void windowsUsesTheTrayAndAnAbsentTrayNeverThrows() throws Exception {
        DesktopNotificationChannel channel = DesktopNotificationChannel.forOs("Windows 11", new RecordingLauncher(), p -> true);
        assertThat(channel.unavailableReason()).contains("system tray");
        Delivery d = channel.deliver(Alert.of(signal("RELIANCE", Side.BUY, 0), clock.instant()));
        assertThat(d).isInstanceOf(Delivery.Failed.class);
        channel.close();
    }

    @Test
    void theRealLauncherReportsExitCodeOutputAndTimeouts() throws Exception {
        ProcessLauncher real = ProcessLauncher.system();
        ProcessLauncher.Result r = real.run(List.of("sh", "-c", "echo 'no session bus' >&2; exit 3"), Duration.ofSeconds(20));
        assertThat(r).isEqualTo(new ProcessLauncher.Result(3, "no session bus"));
        ProcessLauncher.Result slow = real.run(List.of("sleep", "30"), Duration.ofMillis(300));
        assertThat(slow.exitCode()).isEqualTo(-1);
        assertThat(slow.output()).contains("did not finish");
    }
}
