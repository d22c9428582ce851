package io.niftyscanner.alerts;

/**
 * Renders a {@link Tone} as 16-bit signed mono PCM, little-endian. Each note is a sine with a 5 ms linear fade in and
 * out, so it starts and ends at silence without a click.
 */
public final class ToneRenderer {
    public static final float SAMPLE_RATE = 44_100f;
    private static final double AMPLITUDE = 0.5;
    private static final double FADE_MILLIS = 5;

    private ToneRenderer() {}

    /** The samples, one short per sample. */
    public static short[] samples(Tone tone, float sampleRate) {
        int total = 0;
        for (Tone.Note n : tone.notes()) {
            total += samplesFor(n.millis(), sampleRate);
        }
        short[] out = new short[total];
        int at = 0;
        for (Tone.Note n : tone.notes()) {
            int count = samplesFor(n.millis(), sampleRate);
            if (n.hz() > 0) {
                int fade = (int) Math.min(count / 2, Math.round(FADE_MILLIS * sampleRate / 1000));
                for (int i = 0; i < count; i++) {
                    double envelope = Math.min(1.0, Math.min((double) i / fade, (double) (count - 1 - i) / fade));
                    double v = AMPLITUDE * envelope * Math.sin(2 * Math.PI * n.hz() * i / sampleRate);
                    out[at + i] = (short) Math.round(v * Short.MAX_VALUE);
                }
            }
            at += count;
        }
        return out;
    }

    /** The same samples as bytes, 16-bit little-endian, ready for a {@code SourceDataLine}. */
    public static byte[] pcm(Tone tone, float sampleRate) {
        short[] s = samples(tone, sampleRate);
        byte[] b = new byte[s.length * 2];
        for (int i = 0; i < s.length; i++) {
            b[2 * i] = (byte) s[i];
            b[2 * i + 1] = (byte) (s[i] >> 8);
        }
        return b;
    }

    static int samplesFor(int millis, float sampleRate) {
        return Math.round(millis * sampleRate / 1000f);
    }
}
