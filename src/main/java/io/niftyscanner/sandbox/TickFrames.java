package io.niftyscanner.sandbox;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The sandbox's own KiteTicker binary encoder, written from kite-protocol.md 1.4 (big-endian throughout):
 * a frame is a uint16 packet count, then per packet a uint16 length and the packet; packet type by length
 * (8 LTP, 28/32 index quote/full, 44 quote, 184 full). Heartbeats are a single byte.
 */
final class TickFrames {
    static final int LTP_LENGTH = 8;
    static final int INDEX_QUOTE_LENGTH = 28;
    static final int INDEX_FULL_LENGTH = 32;
    static final int QUOTE_LENGTH = 44;
    static final int FULL_LENGTH = 184;
    private static final byte[] HEARTBEAT = {0};

    private TickFrames() {}

    static byte[] heartbeat() {
        return HEARTBEAT.clone();
    }

    static byte[] frame(List<byte[]> packets) {
        int size = 2;
        for (byte[] p : packets) {
            size += 2 + p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putShort((short) packets.size());
        for (byte[] p : packets) {
            b.putShort((short) p.length);
            b.put(p);
        }
        return b.array();
    }

    static byte[] packet(QuoteSnapshot q, TickMode mode) {
        if (mode == TickMode.LTP) {
            return ltp(q);
        }
        if (q.isIndex()) {
            return index(q, mode == TickMode.FULL);
        }
        return mode == TickMode.FULL ? full(q) : quote(q);
    }

    static byte[] ltp(QuoteSnapshot q) {
        ByteBuffer b = ByteBuffer.allocate(LTP_LENGTH);
        b.putInt((int) q.token());
        b.putInt((int) q.lastPrice());
        return b.array();
    }

    /** Index packets order high, low, open, close, then the absolute change (last - close). */
    static byte[] index(QuoteSnapshot q, boolean full) {
        ByteBuffer b = ByteBuffer.allocate(full ? INDEX_FULL_LENGTH : INDEX_QUOTE_LENGTH);
        b.putInt((int) q.token());
        b.putInt((int) q.lastPrice());
        b.putInt((int) q.high());
        b.putInt((int) q.low());
        b.putInt((int) q.open());
        b.putInt((int) q.close());
        b.putInt((int) (q.lastPrice() - q.close()));
        if (full) {
            b.putInt((int) (q.exchangeMillis() / 1000));
        }
        return b.array();
    }

    static byte[] quote(QuoteSnapshot q) {
        ByteBuffer b = ByteBuffer.allocate(QUOTE_LENGTH);
        putQuoteFields(b, q);
        return b.array();
    }

    static byte[] full(QuoteSnapshot q) {
        ByteBuffer b = ByteBuffer.allocate(FULL_LENGTH);
        putQuoteFields(b, q);
        b.putInt((int) (q.lastTradeMillis() / 1000));
        b.putInt(0); // oi
        b.putInt(0); // oi day high
        b.putInt(0); // oi day low
        b.putInt((int) (q.exchangeMillis() / 1000));
        putDepthSide(b, q.bidQuantity(), q.bidPrice(), q.bidOrders());
        putDepthSide(b, q.askQuantity(), q.askPrice(), q.askOrders());
        return b.array();
    }

    private static void putQuoteFields(ByteBuffer b, QuoteSnapshot q) {
        b.putInt((int) q.token());
        b.putInt((int) q.lastPrice());
        b.putInt((int) q.lastQuantity());
        b.putInt((int) q.averagePrice());
        b.putInt((int) Math.min(q.volume(), 0xFFFF_FFFFL));
        b.putInt((int) q.buyQuantity());
        b.putInt((int) q.sellQuantity());
        b.putInt((int) q.open());
        b.putInt((int) q.high());
        b.putInt((int) q.low());
        b.putInt((int) q.close());
    }

    private static void putDepthSide(ByteBuffer b, long[] qty, long[] price, int[] orders) {
        for (int j = 0; j < DepthModel.LEVELS; j++) {
            boolean has = j < qty.length;
            b.putInt(has ? (int) qty[j] : 0);
            b.putInt(has ? (int) price[j] : 0);
            b.putShort(has ? (short) orders[j] : 0);
            b.putShort((short) 0);
        }
    }

    /** Broken frames for the malformed fault, in rotation: truncated mid-packet, unknown packet length, count too high. */
    static byte[] malformed(int n) {
        switch (Math.floorMod(n, 3)) {
            case 0: {
                ByteBuffer b = ByteBuffer.allocate(2 + 2 + 20);
                b.putShort((short) 1).putShort((short) FULL_LENGTH).putInt(408065).put(new byte[16]);
                return b.array();
            }
            case 1: {
                ByteBuffer b = ByteBuffer.allocate(2 + 2 + 17);
                b.putShort((short) 1).putShort((short) 17).put(new byte[17]);
                return b.array();
            }
            default: {
                ByteBuffer b = ByteBuffer.allocate(2 + 2 + LTP_LENGTH);
                b.putShort((short) 5).putShort((short) LTP_LENGTH).putInt(408065).putInt(157370);
                return b.array();
            }
        }
    }
}
