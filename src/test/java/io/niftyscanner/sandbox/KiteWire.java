package io.niftyscanner.sandbox;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The tests' own reading of KiteTicker frames, written from kite-protocol.md 1.4 and independent of the sandbox's
 * encoder: uint16 count, then uint16 length + packet; type by length; big-endian; prices in paise.
 */
final class KiteWire {
    private KiteWire() {}

    record Depth(long quantity, long price, int orders) {}

    record Packet(int length, long token, long lastPrice, long lastQuantity, long averagePrice, long volume,
                  long buyQuantity, long sellQuantity, long open, long high, long low, long close,
                  long lastTradeTime, long exchangeTimestamp, long change, List<Depth> bids, List<Depth> asks) {}

    static List<Packet> decode(byte[] frame) {
        ByteBuffer b = ByteBuffer.wrap(frame);
        if (frame.length < 2) {
            return List.of();
        }
        int count = b.getShort() & 0xFFFF;
        List<Packet> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int len = b.getShort() & 0xFFFF;
            byte[] p = new byte[len];
            b.get(p);
            out.add(packet(ByteBuffer.wrap(p), len));
        }
        if (b.hasRemaining()) {
            throw new IllegalArgumentException("trailing bytes in frame: " + b.remaining());
        }
        return out;
    }

    private static long u32(ByteBuffer b) {
        return b.getInt() & 0xFFFF_FFFFL;
    }

    private static Packet packet(ByteBuffer b, int len) {
        long token = u32(b);
        long ltp = u32(b);
        switch (len) {
            case 8:
                return new Packet(len, token, ltp, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of());
            case 28:
            case 32: {
                long high = u32(b);
                long low = u32(b);
                long open = u32(b);
                long close = u32(b);
                long change = b.getInt();
                long ts = len == 32 ? u32(b) : 0;
                return new Packet(len, token, ltp, 0, 0, 0, 0, 0, open, high, low, close, 0, ts, change, List.of(), List.of());
            }
            case 44:
            case 184: {
                long lq = u32(b);
                long avg = u32(b);
                long vol = u32(b);
                long bq = u32(b);
                long sq = u32(b);
                long open = u32(b);
                long high = u32(b);
                long low = u32(b);
                long close = u32(b);
                if (len == 44) {
                    return new Packet(len, token, ltp, lq, avg, vol, bq, sq, open, high, low, close, 0, 0, 0, List.of(), List.of());
                }
                long ltt = u32(b);
                b.getInt();
                b.getInt();
                b.getInt();
                long ts = u32(b);
                List<Depth> bids = new ArrayList<>();
                List<Depth> asks = new ArrayList<>();
                for (int j = 0; j < 10; j++) {
                    Depth d = new Depth(u32(b), u32(b), b.getShort() & 0xFFFF);
                    b.getShort();
                    (j < 5 ? bids : asks).add(d);
                }
                return new Packet(len, token, ltp, lq, avg, vol, bq, sq, open, high, low, close, ltt, ts, 0, bids, asks);
            }
            default:
                throw new IllegalArgumentException("unknown packet length " + len);
        }
    }
}
