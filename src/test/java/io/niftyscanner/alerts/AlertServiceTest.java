package io.niftyscanner.alerts;

import static io.niftyscanner.alerts.Signals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.Side;
import io.niftyscanner.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cooldown, repeats, mute and the alert's record, on a clock the test moves. */
class AlertServiceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T05:00:02Z"));
    private final RecordingChannel sound = new RecordingChannel("sound");
    private final RecordingChannel notification = new RecordingChannel("notification");
    private AlertService service;

    private AlertService service(Duration cooldown) {
        service = new AlertService(clock, cooldown).addChannel(notification).addChannel(sound);
        return service;
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void anAlertRecordsItsTimeAndChannelsAndReachesEveryChannelOnItsOwnThread() {
        List<AlertEvent> heard = new CopyOnWriteArrayList<>();
        service(Duration.ZERO).addListener(heard::add);
        AlertEvent e = service.onSignal(signal("RELIANCE", Side.BUY, 0));
        assertThat(e.channels()).containsExactly("notification", "sound");
        assertThat(e.muted()).isEmpty();
        assertThat(e.alert().alertTime()).isEqualTo(Instant.parse("2026-11-23T05:00:02Z"));
        // the signal: candle 10:25-10:30 IST, raised at its close 10:30:00 = 05:00:00Z; the alert 2 s later
        assertThat(e.alert().signalTime()).isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
        assertThat(e.alert().signalToAlertMillis()).isEqualTo(2000);
        assertThat(heard).containsExactly(e);
        Await.until("both channels delivered", () -> sound.received.size() == 1 && notification.received.size() == 1);
        assertThat(sound.threads).containsExactly("alert-sound");
        assertThat(notification.threads).containsExactly("alert-notification");
        assertThat(e.alert().title()).isEqualTo("BUY RELIANCE at 2456.10");
        assertThat(e.alert().body()).isEqualTo("EMA9 crossed above EMA21, RSI14 in [50,70]\nRSI 56.3 · stop 2441.10 · target 2486.10\n"
                + "candle 10:25 IST");
    }

    @Test
    void cooldownIsPerSymbolAndSideOnTheWallClock() {
        service(Duration.ofSeconds(300));
        assertThat(service.onSignal(signal("RELIANCE", Side.BUY, 0))).isNotNull();
        clock.advance(Duration.ofSeconds(299));
        assertThat(service.onSignal(signal("RELIANCE", Side.BUY, 1))).as("same symbol and side inside 300 s").isNull();
        assertThat(service.onSignal(signal("RELIANCE", Side.SELL, 1))).as("a reversal is news").isNotNull();
        assertThat(service.onSignal(signal("INFY", Side.BUY, 1))).as("another symbol").isNotNull();
        clock.advance(Duration.ofSeconds(1));
        AlertEvent again = service.onSignal(signal("RELIANCE", Side.BUY, 2));
        assertThat(again).as("300 s after the first").isNotNull();
        assertThat(service.lastAlert("RELIANCE", Side.BUY)).isEqualTo(Instant.parse("2026-11-23T05:05:02Z"));
        Await.until("four alerts delivered", () -> sound.received.size() == 4);
        assertThat(sound.received).extracting(a -> a.symbol() + " " + a.side())
                .containsExactly("RELIANCE BUY", "RELIANCE SELL", "INFY BUY", "RELIANCE BUY");
    }

    @Test
    void withoutCooldownEverySignalAlertsButTheSameSignalOnlyOnce() {
        service(Duration.ZERO);
        assertThat(service.onSignal(signal("RELIANCE", Side.BUY, 0))).isNotNull();
        assertThat(service.onSignal(signal("RELIANCE", Side.BUY, 0))).as("the same signal again").isNull();
        assertThat(service.onSignal(signal("RELIANCE", Side.BUY, 1))).as("the next candle's").isNotNull();
    }

    @Test
    void muteOneChannelOrAllOfThem() {
        service(Duration.ZERO);
        service.mute("sound", true);
        AlertEvent one = service.onSignal(signal("RELIANCE", Side.BUY, 0));
        assertThat(one.channels()).containsExactly("notification");
        assertThat(one.muted()).containsExactly("sound");

        service.mute(AlertService.ALL, true);
        AlertEvent two = service.onSignal(signal("RELIANCE", Side.BUY, 1));
        assertThat(two.channels()).isEmpty();
        assertThat(two.muted()).containsExactly("notification", "sound");

        service.mute(AlertService.ALL, false);
        service.mute("sound", false);
        AlertEvent three = service.onSignal(signal("RELIANCE", Side.BUY, 2));
        assertThat(three.channels()).containsExactly("notification", "sound");
        // channels deliver in order on one thread each: once the third arrived, nothing else is coming
        Await.until("third alert delivered", () -> sound.received.size() >= 1 && notification.received.size() >= 2);
        assertThat(sound.received).extracting(a -> a.candleStart()).containsExactly(Signals.CANDLE.plusSeconds(600));
        assertThat(notification.received).hasSize(2);
    }

    @Test
    void aChannelThatCannotDeliverIsSkippedAndSaidOnce() {
        List<String> notices = new CopyOnWriteArrayList<>();
        sound.unavailable = "no audio output device: alerts make no sound";
        service(Duration.ZERO).addListener(new AlertListener() {
            @Override
            public void onAlert(AlertEvent event) {}

            @Override
            public void onNotice(String channel, String text) {
                notices.add(channel + ": " + text);
            }
        });
        assertThat(service.notices()).containsExactly("no audio output device: alerts make no sound");
        assertThat(service.onSignal(signal("RELIANCE", Side.BUY, 0)).channels()).containsExactly("notification");
        assertThat(service.onSignal(signal("RELIANCE", Side.BUY, 1)).channels()).containsExactly("notification");
        assertThat(notices).as("said once, at start, not per alert").isEmpty();
        assertThat(service.notices()).hasSize(1);

        sound.unavailable = null;
        assertThat(service.onSignal(signal("RELIANCE", Side.BUY, 2)).channels()).containsExactly("notification", "sound");
    }

    @Test
    void aBlockedChannelDelaysNeitherTheCallerNorTheOtherChannels() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AlertChannel stuck = new AlertChannel() {
            @Override
            public String name() {
                return "webhook";
            }

            @Override
            public Delivery deliver(Alert alert) throws InterruptedException {
                release.await();
                return Delivery.OK;
            }
        };
        service = new AlertService(clock, Duration.ZERO).addChannel(stuck).addChannel(sound);
        for (int i = 0; i < 3; i++) {
            assertThat(service.onSignal(signal("RELIANCE", Side.BUY, i)).channels()).containsExactly("webhook", "sound");
        }
        Await.until("sound got all three while the webhook is stuck on the first", () -> sound.received.size() == 3);
        assertThat(service.stats("webhook").pending()).isEqualTo(3);
        release.countDown();
        Await.until("webhook caught up", () -> service.stats("webhook").delivered() == 3);
    }

    @Test
    void aThrowingChannelIsAFailureNotACrash() {
        AlertChannel broken = new AlertChannel() {
            @Override
            public String name() {
                return "notification";
            }

            @Override
            public Delivery deliver(Alert alert) {
                throw new IllegalStateException("D-Bus went away");
            }
        };
        List<String> notices = new CopyOnWriteArrayList<>();
        service = new AlertService(clock, Duration.ZERO).addChannel(broken).addChannel(sound);
        service.addListener(new AlertListener() {
            @Override
            public void onAlert(AlertEvent event) {}

            @Override
            public void onNotice(String channel, String text) {
                notices.add(text);
            }
        });
        try (LogCapture log = new LogCapture()) {
            service.onSignal(signal("RELIANCE", Side.BUY, 0));
            service.onSignal(signal("RELIANCE", Side.BUY, 1));
            Await.until("both failed", () -> service.stats("notification").failed() == 2);
            Await.until("sound unaffected", () -> sound.received.size() == 2);
            assertThat(notices).containsExactly("notification alerts are failing: IllegalStateException: D-Bus went away");
            assertThat(log.messages()).filteredOn(m -> m.startsWith("WARN") && m.contains("D-Bus went away")).hasSize(2);
            assertThat(log.messages()).anyMatch(m -> m.startsWith("INFO") && m.contains("failed again"));
            assertThat(log.messages()).filteredOn(m -> m.startsWith("INFO alert BUY RELIANCE at 2456.10")).hasSize(2);
        }
    }

    @Test
    void afterCloseNoMoreAlerts() {
        service(Duration.ZERO);
        service.onSignal(signal("RELIANCE", Side.BUY, 0));
        service.close();
        assertThat(sound.received).as("what was in hand was delivered before close returned").hasSize(1);
        assertThat(service.onSignal(signal("RELIANCE", Side.BUY, 1))).isNull();
    }
}
