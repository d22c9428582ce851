package io.niftyscanner.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.niftyscanner.market.Side;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/**
 * The generated tones, checked for length and frequency by two methods that do not share code with the renderer:
 * counting upward zero crossings, and Goertzel's single-bin DFT. Golden numbers by hand: 44,100 samples a second.
 */
class ToneTest {
    private static final float RATE = 44_100f;

    @Test
    void buyRisesFrom880To1320HzOver370Milliseconds() {
        short[] s = ToneRenderer.samples(Tone.of(Side.BUY), RATE);
        // 150 + 70 + 150 ms = 370 ms = 16,317 samples; notes at [0, 6615) and [9702, 16317), a rest between
        assertThat(s).hasSize(16_317);
        assertThat(frequency(s, 0, 6_615)).isCloseTo(880, within(880 * 0.01));
        assertThat(rms(s, 6_615, 9_702)).isZero();
        assertThat(frequency(s, 9_702, 16_317)).isCloseTo(1320, within(1320 * 0.01));
    }

    @Test
    void sellFallsFrom1320To660HzOver470Milliseconds() {
        short[] s = ToneRenderer.samples(Tone.of(Side.SELL), RATE);
        // 150 + 70 + 250 ms = 470 ms = 20,727 samples; the second note is 250 ms = 11,025 samples
        assertThat(s).hasSize(20_727);
        assertThat(frequency(s, 0, 6_615)).isCloseTo(1320, within(1320 * 0.01));
        assertThat(rms(s, 6_615, 9_702)).isZero();
        assertThat(frequency(s, 9_702, 20_727)).isCloseTo(660, within(660 * 0.01));
    }

    @Test
    void theEnergyOfEachNoteSitsAtItsOwnPitchSoBuyAndSellSoundDifferent() {
        short[] buy = ToneRenderer.samples(Tone.BUY, RATE);
        short[] sell = ToneRenderer.samples(Tone.SELL, RATE);
        assertThat(goertzel(buy, 0, 6_615, 880)).isGreaterThan(100 * goertzel(buy, 0, 6_615, 1320));
        assertThat(goertzel(sell, 0, 6_615, 1320)).isGreaterThan(100 * goertzel(sell, 0, 6_615, 880));
        assertThat(goertzel(sell, 9_702, 20_727, 660)).isGreaterThan(100 * goertzel(sell, 9_702, 20_727, 1320));
    }

    @Test
    void notesStartAndEndAtSilenceAndPeakAtHalfScale() {
        short[] s = ToneRenderer.samples(Tone.BUY, RATE);
        assertThat(s[0]).isZero();
        assertThat(Math.abs(s[6_614])).isLessThan(200);
        assertThat(Math.abs(s[9_702])).isLessThan(200);
        assertThat(Math.abs(s[16_316])).isLessThan(200);
        int peak = 0;
        for (short v : s) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertThat(peak).isBetween((int) (0.49 * Short.MAX_VALUE), (int) (0.5 * Short.MAX_VALUE) + 1);
        // a sine of amplitude A has RMS A/sqrt(2): 0.5/sqrt(2) = 0.3536 of full scale, a little less with the fades
        assertThat(rms(s, 0, 6_615) / Short.MAX_VALUE).isCloseTo(0.3536, within(0.01));
    }

    @Test
    void thePcmIsSixteenBitLittleEndianAndReadsBackAsAWave() throws Exception {
        byte[] pcm = ToneRenderer.pcm(Tone.SELL, RATE);
        short[] s = ToneRenderer.samples(Tone.SELL, RATE);
        assertThat(pcm).hasSize(2 * s.length);
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, s.length), AudioFileFormat.Type.WAVE, wav);
        try (AudioInputStream back = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav.toByteArray()))) {
            assertThat(back.getFormat().getSampleRate()).isEqualTo(RATE);
            assertThat(back.getFrameLength()).isEqualTo(20_727);
            byte[] data = back.readAllBytes();
            List<Short> decoded = new ArrayList<>();
            for (int i = 0; i + 1 < data.length; i += 2) {
                decoded.add((short) ((data[i] & 0xFF) | (data[i + 1] << 8)));
            }
            short[] d = new short[decoded.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = decoded.get(i);
            }
            assertThat(frequency(d, 9_702, 20_727)).isCloseTo(660, within(6.6));
        }
    }

    /** Upward zero crossings per second over [from, to). */
    static double frequency(short[] s, int from, int to) {
        int up = 0;
        for (int i = from + 1; i < to; i++) {
            if (s[i - 1] < 0 && s[i] >= 0) {
                up++;
            }
        }
        return up / ((to - from) / (double) RATE);
    }

    static double rms(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    /** Power at one frequency (Goertzel). */
    static double goertzel(short[] s, int from, int to, double hz) {
        double w = 2 * Math.PI * hz / RATE;
        double coeff = 2 * Math.cos(w);
        double q1 = 0;
        double q2 = 0;
        for (int i = from; i < to; i++) {
            double q0 = coeff * q1 - q2 + s[i];
            q2 = q1;
            q1 = q0;
        }
        return q1 * q1 + q2 * q2 - coeff * q1 * q2;
    }
}
