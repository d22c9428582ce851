package io.niftyscanner.alerts;

import static io.niftyscanner.alerts.Signals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.Side;
import io.niftyscanner.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;

/** The sound channel through its output seam: which tone each side plays, and a machine without a device. */
class SoundChannelTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T05:00:02Z"));

    /** Records what it was asked to play. */
    static final class RecordingOutput implements SoundOutput {
        final List<byte[]> played = new CopyOnWriteArrayList<>();
        final List<Float> rates = new CopyOnWriteArrayList<>();
        volatile String reason;

        @Override
        public String unavailableReason() {
            return reason;
        }

        @Override
        public void play(byte[] pcm, float sampleRate) {
            played.add(pcm);
            rates.add(sampleRate);
        }
    }

    @Test
    void buyPlaysTheRisingToneAndSellTheFallingOne() {
        RecordingOutput out = new RecordingOutput();
        try (AlertService service = new AlertService(clock, Duration.ZERO).addChannel(new SoundChannel(out))) {
            service.onSignal(signal("RELIANCE", Side.BUY, 0));
            service.onSignal(signal("INFY", Side.SELL, 0));
            Await.until("two tones played", () -> out.played.size() == 2);
        }
        assertThat(out.rates).containsOnly(44_100f);
        short[] buy = samples(out.played.get(0));
        short[] sell = samples(out.played.get(1));
        assertThat(buy).hasSize(16_317);
        assertThat(sell).hasSize(20_727);
        assertThat(ToneTest.frequency(buy, 0, 6_615)).isBetween(871.0, 889.0);
        assertThat(ToneTest.frequency(buy, 9_702, 16_317)).isBetween(1306.0, 1334.0);
        assertThat(ToneTest.frequency(sell, 0, 6_615)).isBetween(1306.0, 1334.0);
        assertThat(ToneTest.frequency(sell, 9_702, 20_727)).isBetween(653.0, 667.0);
    }

    @Test
    void withoutAnAudioDeviceTheAppSaysSoOnceAndCarriesOn() {
        RecordingOutput out = new RecordingOutput();
        out.reason = "no audio output device: alerts make no sound (the window and notifications still show them)";
        RecordingChannel window = new RecordingChannel("window");
        try (LogCapture log = new LogCapture();
             AlertService service = new AlertService(clock, Duration.ZERO).addChannel(window).addChannel(new SoundChannel(out))) {
            for (int i = 0; i < 3; i++) {
                assertThat(service.onSignal(signal("RELIANCE", Side.BUY, i)).channels()).containsExactly("window");
            }
            Await.until("the window got all three", () -> window.received.size() == 3);
            assertThat(out.played).isEmpty();
            assertThat(log.messages()).filteredOn(m -> m.contains("no audio output device")).hasSize(1);
            assertThat(service.notices()).hasSize(1);
        }
    }

    @Test
    void aDeviceThatFailsWhilePlayingIsAFailureLoggedWithItsReason() {
        SoundOutput failing = new SoundOutput() {
            @Override
            public String unavailableReason() {
                return null;
            }

            @Override
            public void play(byte[] pcm, float sampleRate) throws LineUnavailableException {
                throw new LineUnavailableException("line in use by another application");
            }
        };
        try (LogCapture log = new LogCapture();
             AlertService service = new AlertService(clock, Duration.ZERO).addChannel(new SoundChannel(failing))) {
            service.onSignal(signal("RELIANCE", Side.SELL, 0));
            Await.until("failed", () -> service.stats("sound").failed() == 1);
            assertThat(log.all()).contains("sound failed: LineUnavailableException: line in use by another application");
        }
    }

    @Test
    void theRealOutputAnswersWithoutThrowingOnAnyMachine() {
        JavaSoundOutput real = new JavaSoundOutput(clock);
        String first = real.unavailableReason();
        assertThat(real.unavailableReason()).as("cached until a minute has passed").isSameAs(first);
        if (first != null) {
            assertThat(first).contains("alerts make no sound");
        }
    }

    private static short[] samples(byte[] pcm) {
        short[] s = new short[pcm.length / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
        }
        return s;
    }
}
