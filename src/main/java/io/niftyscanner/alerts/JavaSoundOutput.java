package io.niftyscanner.alerts;

import java.time.Clock;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * The default audio output through Java Sound. Whether a device exists is asked again at most once a minute, so a
 * headset plugged in later is found; with no device, {@link #unavailableReason()} says so.
 */
public final class JavaSoundOutput implements SoundOutput {
    private static final long RECHECK_MILLIS = 60_000;
    private final Clock clock;
    private volatile String reason;
    private volatile long checkedAt = Long.MIN_VALUE;

    public JavaSoundOutput(Clock clock) {
        this.clock = clock;
    }

    static AudioFormat format(float sampleRate) {
        return new AudioFormat(sampleRate, 16, 1, true, false);
    }

    @Override
    public String unavailableReason() {
        long now = clock.millis();
        if (checkedAt == Long.MIN_VALUE || now - checkedAt >= RECHECK_MILLIS) {
            reason = probe();
            checkedAt = now;
        }
        return reason;
    }

    private static String probe() {
        try {
            DataLine.Info info = new DataLine.Info(SourceDataLine.class, format(ToneRenderer.SAMPLE_RATE));
            return AudioSystem.isLineSupported(info) ? null
                    : "no audio output device: alerts make no sound (the window and notifications still show them)";
        } catch (RuntimeException | LinkageError e) {
            return "sound is not available (" + ChannelRunner.describe(e) + "): alerts make no sound";
        }
    }

    @Override
    public void play(byte[] pcm, float sampleRate) throws LineUnavailableException {
        AudioFormat format = format(sampleRate);
        SourceDataLine line;
        try {
            line = AudioSystem.getSourceDataLine(format);
        } catch (IllegalArgumentException e) {
            reason = "no audio output device: alerts make no sound";
            throw new LineUnavailableException(e.getMessage());
        }
        try {
            line.open(format);
            line.start();
            line.write(pcm, 0, pcm.length);
            line.drain();
        } finally {
            line.close();
        }
    }
}
