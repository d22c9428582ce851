package io.niftyscanner.kite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes Kite's binary ticker frames (kite-protocol.md 1.4). The whole frame is validated before the first
 * packet is handed out, so a bad frame delivers nothing. One holder is reused for every packet: no allocation per
 * tick. Not thread-safe: one decoder per connection.
 */
public final class TickDecoder {
    /** Receives each packet of a valid frame. The holder is only valid during the call. */
    @FunctionalInterface
    public interface Sink {
        void onTick(KiteTickData tick);
    }

    private final KiteTickData holder = new KiteTickData();

    /** Whether a frame is a heartbeat (Kite sends 1-byte frames; anything under 2 bytes carries no packet). */
    public static boolean isHeartbeat(ByteBuffer frame) {
        return frame.remaining() < 2;
    }

    /**
     * Decodes one frame into {@code sink}. Reads from the buffer's position to its limit without moving either.
     *
     * @return packets delivered (0 for a heartbeat)
     * @throws BadFrameException when the frame is truncated, a packet length is not 8/28/32/44/184, or the packet
     *                           count does not match the bytes; nothing was delivered then
     */
    public int decode(ByteBuffer frame, Sink sink) throws BadFrameException {
        if (isHeartbeat(frame)) {
            return 0;
        }
        ByteBuffer b = frame.order() == ByteOrder.BIG_ENDIAN ? frame : frame.duplicate().order(ByteOrder.BIG_ENDIAN);
        int count = validate(b);
        int p = b.position() + 2;
        for (int i = 0; i < count; i++) {
            int len = u16(b, p);
            decodePacket(b, p + 2, len);
            sink.onTick(holder);
            p += 2 + len;
        }
        return count;
    }

    /** Checks the frame's structure; returns the packet count. */
    static int validate(ByteBuffer b) throws BadFrameException {
        int start = b.position();
        int end = b.limit();
        int count = u16(b, start);
        int p = start + 2;
        for (int i = 0; i < count; i++) {
            if (p + 2 > end) {
                throw new BadFrameException("truncated frame: " + (end - start) + " bytes end before the length of packet "
                        + (i + 1) + " of " + count);
            }
            int len = u16(b, p);
            if (!isPacketLength(len)) {
                throw new BadFrameException("packet " + (i + 1) + " of " + count + " is " + len
                        + " bytes long; Kite packets are 8, 28, 32, 44 or 184 bytes");
            }
            if (p + 2 + len > end) {
                throw new BadFrameException("truncated frame: packet " + (i + 1) + " of " + count + " needs " + len
                        + " bytes but only " + (end - p - 2) + " remain");
            }
            p += 2 + len;
        }
        if (p != end) {
            throw new BadFrameException("packet count " + count + " does not match the frame: " + (end - p)
                    + " bytes left over after the last packet");
        }
        return count;
    }

    static boolean isPacketLength(int len) {
        return len == 8 || len == 28 || len == 32 || len == 44 || len == 184;
    }

    private void decodePacket(ByteBuffer b, int o, int len) {
        KiteTickData t = holder;
        t.reset(u32(b, o), len);
        t.lastPrice = b.getInt(o + 4);
        if (len == 8) {
            return;
        }
        if (len == 28 || len == 32) {
            t.high = b.getInt(o + 8);
            t.low = b.getInt(o + 12);
            t.open = b.getInt(o + 16);
            t.close = b.getInt(o + 20);
            t.priceChange = b.getInt(o + 24);
            if (len == 32) {
                t.exchangeTimeMillis = u32(b, o + 28) * 1000L;
            }
            return;
        }
        t.lastQuantity = u32(b, o + 8);
        t.averagePrice = b.getInt(o + 12);
        t.volume = u32(b, o + 16);
        t.buyQuantity = u32(b, o + 20);
        t.sellQuantity = u32(b, o + 24);
        t.open = b.getInt(o + 28);
        t.high = b.getInt(o + 32);
        t.low = b.getInt(o + 36);
        t.close = b.getInt(o + 40);
        if (len == 44) {
            return;
        }
        t.lastTradeTimeMillis = u32(b, o + 44) * 1000L;
        t.oi = u32(b, o + 48);
        t.oiDayHigh = u32(b, o + 52);
        t.oiDayLow = u32(b, o + 56);
        t.exchangeTimeMillis = u32(b, o + 60) * 1000L;
        for (int i = 0; i < KiteTickData.DEPTH; i++) {
            int bid = o + 64 + i * 12;
            t.bidQuantity[i] = u32(b, bid);
            t.bidPrice[i] = b.getInt(bid + 4);
            t.bidOrders[i] = u16(b, bid + 8);
            int ask = o + 124 + i * 12;
            t.askQuantity[i] = u32(b, ask);
            t.askPrice[i] = b.getInt(ask + 4);
            t.askOrders[i] = u16(b, ask + 8);
        }
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xFFFF;
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & 0xFFFF_FFFFL;
    }
}
