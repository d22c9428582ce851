package io.niftyscanner.kite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.niftyscanner.market.Tick;
import io.niftyscanner.tools.ReliabilityFigures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random and mutated binary ticker frames through the decoder. Whether a frame is well formed is decided here
 * independently, from the layout in kite-protocol.md 1.4 (a count, then length-prefixed packets of 8, 28, 32, 44 or 184
 * bytes, nothing left over): a well-formed frame delivers exactly its packets, each with the token of its first four
 * bytes; any other frame is refused whole with a reason and delivers nothing. No frame leaves the decoder changed: the
 * reference frame decodes to the same tick after every fuzzed one.
 */
class TickFrameFuzzTest {
    private static final int[] LENGTHS = {8, 28, 32, 44, 184};
    private static final AtomicLong FRAMES = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();
    private static final AtomicLong DECODED = new AtomicLong();
    /** A full packet of the kite-protocol.md mock: token 408065, LTP 1573.70, volume 1,234,567, 10:41:27 IST. */
    private static final byte[] REFERENCE = Frames.frame(Frames.full(408065, 157370, 3, 157201, 1_234_567, 500, 600, 156000,
            158000, 155500, 155000, 1625461886, 0, 0, 0, 1625461887, new int[][] {{5, 157340, 1}}, new int[][] {{20, 157380, 4}}));
    private static final Tick REFERENCE_TICK = new Tick(408065, 1_625_461_887_000L, 157370, 1_234_567, 3, 0);

    private final TickDecoder decoder = new TickDecoder();

    @AfterContainer
    static void figures() {
        ReliabilityFigures.record("fuzz: ticker binary frames (decoder)", Map.of("inputs", FRAMES.get(), "refused", REFUSED.get(),
                "decoded", DECODED.get()));
    }

    @Property(tries = 4000)
    void randomBytesAreDecodedWholeOrRefusedWithAReason(@ForAll @Size(max = 700) byte[] frame) {
        check(frame);
    }

    @Property(tries = 4000)
    void mutatedFramesAreDecodedWholeOrRefusedWithAReason(@ForAll("frames") byte[] valid, @ForAll("mutations") List<Mutation> mutations) {
        byte[] frame = valid;
        for (Mutation m : mutations) {
            frame = m.apply(frame);
        }
        check(frame);
    }

    @Property(tries = 1000)
    void wellFormedFramesDeliverEveryPacket(@ForAll("frames") byte[] frame) {
        assertThat(wellFormed(frame)).isTrue();
        check(frame);
    }

    /** The invariants every frame must keep, whatever its bytes. */
    private void check(byte[] frame) {
        FRAMES.incrementAndGet();
        List<long[]> delivered = new ArrayList<>();
        boolean expected = wellFormed(frame);
        try {
            int n = decoder.decode(ByteBuffer.wrap(frame), t -> delivered.add(new long[] {t.token(), t.packetLength()}));
            assertThat(expected).as("decoded a frame the layout does not allow: %s", hex(frame)).isTrue();
            assertThat(n).isEqualTo(delivered.size()).isEqualTo(frame.length < 2 ? 0 : u16(frame, 0));
            int p = 2;
            for (long[] packet : delivered) {
                int len = u16(frame, p);
                assertThat(packet[1]).isEqualTo(len);
                assertThat(packet[0]).isEqualTo(u32(frame, p + 2));
                p += 2 + len;
            }
            DECODED.incrementAndGet();
        } catch (BadFrameException e) {
            assertThat(expected).as("refused a well-formed frame (%s): %s", e.getMessage(), hex(frame)).isFalse();
            assertThat(delivered).as("a refused frame delivers nothing").isEmpty();
            assertThat(e.getMessage()).as("the reason").isNotBlank().containsAnyOf("packet", "frame");
            REFUSED.incrementAndGet();
        }
        List<Tick> after = new ArrayList<>();
        try {
            decoder.decode(ByteBuffer.wrap(REFERENCE), t -> after.add(t.toTick(0)));
        } catch (BadFrameException e) {
            fail("the reference frame was refused after %s: %s", hex(frame), e.getMessage());
        }
        assertThat(after).as("the decoder carries nothing from one frame to the next").containsExactly(REFERENCE_TICK);
    }

    /** kite-protocol.md 1.4, written again here: frames under 2 bytes are heartbeats; the rest must add up exactly. */
    static boolean wellFormed(byte[] f) {
        if (f.length < 2) {
            return true;
        }
        int count = u16(f, 0);
        int p = 2;
        for (int i = 0; i < count; i++) {
            if (p + 2 > f.length) {
                return false;
            }
            int len = u16(f, p);
            boolean known = false;
            for (int l : LENGTHS) {
                known |= l == len;
            }
            if (!known || p + 2 + len > f.length) {
                return false;
            }
            p += 2 + len;
        }
        return p == f.length;
    }

    private static int u16(byte[] f, int at) {
        return ((f[at] & 0xFF) << 8) | (f[at + 1] & 0xFF);
    }

    private static long u32(byte[] f, int at) {
        return ((long) (f[at] & 0xFF) << 24) | ((f[at + 1] & 0xFF) << 16) | ((f[at + 2] & 0xFF) << 8) | (f[at + 3] & 0xFF);
    }

    private static String hex(byte[] f) {
        StringBuilder b = new StringBuilder(f.length + " bytes:");
        for (int i = 0; i < Math.min(f.length, 64); i++) {
            b.append(String.format(" %02x", f[i]));
        }
        return b.append(f.length > 64 ? " ..." : "").toString();
    }

    @Provide
    Arbitrary<byte[]> frames() {
        Arbitrary<byte[]> packet = Combinators.combine(Arbitraries.of(8, 28, 32, 44, 184), Arbitraries.integers(),
                Arbitraries.longs()).as((len, token, seed) -> {
                    byte[] p = new byte[len];
                    new java.util.Random(seed).nextBytes(p);
                    ByteBuffer.wrap(p).putInt(token);
                    return p;
                });
        return packet.list().ofMaxSize(8).map(list -> Frames.frame(list.toArray(new byte[0][])));
    }

    /** One change to a frame's bytes. */
    interface Mutation {
        byte[] apply(byte[] f);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> flip = Combinators.combine(Arbitraries.integers().greaterOrEqual(0), Arbitraries.integers().between(0, 7))
                .as((at, bit) -> f -> {
                    if (f.length == 0) {
                        return f;
                    }
                    byte[] g = f.clone();
                    g[at % g.length] ^= (byte) (1 << bit);
                    return g;
                });
        Arbitrary<Mutation> set = Combinators.combine(Arbitraries.integers().greaterOrEqual(0), Arbitraries.bytes())
                .as((at, value) -> f -> {
                    if (f.length == 0) {
                        return f;
                    }
                    byte[] g = f.clone();
                    g[at % g.length] = value;
                    return g;
                });
        Arbitrary<Mutation> truncate = Arbitraries.integers().greaterOrEqual(0).map(keep -> f -> java.util.Arrays.copyOf(f,
                f.length == 0 ? 0 : keep % f.length));
        Arbitrary<Mutation> insert = Combinators.combine(Arbitraries.integers().greaterOrEqual(0), Arbitraries.bytes().array(byte[].class)
                .ofMinSize(1).ofMaxSize(6)).as((at, bytes) -> f -> {
                    int i = f.length == 0 ? 0 : at % (f.length + 1);
                    byte[] g = new byte[f.length + bytes.length];
                    System.arraycopy(f, 0, g, 0, i);
                    System.arraycopy(bytes, 0, g, i, bytes.length);
                    System.arraycopy(f, i, g, i + bytes.length, f.length - i);
                    return g;
                });
        Arbitrary<Mutation> delete = Combinators.combine(Arbitraries.integers().greaterOrEqual(0), Arbitraries.integers().between(1, 6))
                .as((at, n) -> f -> {
                    if (f.length == 0) {
                        return f;
                    }
                    int i = at % f.length;
                    int k = Math.min(n, f.length - i);
                    byte[] g = new byte[f.length - k];
                    System.arraycopy(f, 0, g, 0, i);
                    System.arraycopy(f, i + k, g, i, f.length - i - k);
                    return g;
                });
        Arbitrary<Mutation> count = Arbitraries.integers().between(0, 0xFFFF).map(n -> f -> {
            if (f.length < 2) {
                return f;
            }
            byte[] g = f.clone();
            g[0] = (byte) (n >>> 8);
            g[1] = (byte) (int) n;
            return g;
        });
        return Arbitraries.oneOf(flip, set, truncate, insert, delete, count).list().ofMinSize(1).ofMaxSize(4);
    }
}
