package io.niftyscanner.bench;

import io.niftyscanner.kite.BadFrameException;
import io.niftyscanner.kite.KiteTickData;
import io.niftyscanner.kite.TickDecoder;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Kite binary frame decoding: a frame of 50 full (184-byte) packets and a frame of 50 quote (44-byte) packets,
 * as a NIFTY 50 subscription produces. Scores are packets per second (50 operations per invocation).
 * {@code peerFullPackets} runs javakiteconnect's own parser ({@link PeerClient}) on the same full frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class TickDecoderBenchmark {
    private static final int PACKETS = 50;
    private final TickDecoder decoder = new TickDecoder();
    private ByteBuffer fullFrame;
    private ByteBuffer quoteFrame;
    private Blackhole blackhole;
    private final TickDecoder.Sink sink = this::consume;

    @Setup
    public void setUp(Blackhole bh) {
        blackhole = bh;
        fullFrame = frame(184);
        quoteFrame = frame(44);
    }

    private void consume(KiteTickData t) {
        blackhole.consume(t.lastPrice() + t.volume() + t.bidPrice(0) + t.exchangeTimeMillis());
    }

    /** 50 packets of one length, filled like real NSE equity data (token, prices in paise, depth). */
    static ByteBuffer frame(int length) {
        ByteBuffer b = ByteBuffer.allocate(2 + PACKETS * (2 + length));
        b.putShort((short) PACKETS);
        for (int i = 0; i < PACKETS; i++) {
            b.putShort((short) length);
            int start = b.position();
            int price = 100_000 + i * 137;
            b.putInt(((1000 + i) << 8) | 1).putInt(price).putInt(10 + i).putInt(price - 50).putInt(1_000_000 + i * 1000)
                    .putInt(5000).putInt(6000).putInt(price - 500).putInt(price + 800).putInt(price - 900).putInt(price - 300);
            if (length == 184) {
                b.putInt(1_700_000_000).putInt(0).putInt(0).putInt(0).putInt(1_700_000_001);
                for (int level = 0; level < 10; level++) {
                    b.putInt(100 + level).putInt(level < 5 ? price - 5 * (level + 1) : price + 5 * (level - 4))
                            .putShort((short) (1 + level)).putShort((short) 0);
                }
            }
            b.position(start + length);
        }
        b.flip();
        return b;
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public int fullPackets() throws BadFrameException {
        return decoder.decode(fullFrame, sink);
    }

    /** javakiteconnect 3.5.1's {@code parseBinary} on the same frame: its list of Tick objects is the result. */
    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public Object peerFullPackets(Peer peer) throws Throwable {
        return peer.parser.invoke(peer.frame);
    }

    /** The peer, loaded only for its own benchmark. */
    @State(Scope.Thread)
    public static class Peer {
        MethodHandle parser;
        byte[] frame;

        @Setup
        public void setUp() throws Exception {
            ByteBuffer full = frame(184);
            frame = new byte[full.remaining()];
            full.get(frame);
            parser = PeerClient.load(PeerClient.defaultLib()).parser();
        }
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public int quotePackets() throws BadFrameException {
        return decoder.decode(quoteFrame, sink);
    }
}
