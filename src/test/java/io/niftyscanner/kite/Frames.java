package io.niftyscanner.kite;

import java.nio.ByteBuffer;

/** Builds ticker frames byte by byte from kite-protocol.md 1.4 (independent of the client's decoder). */
final class Frames {
    private Frames() {}

    static byte[] frame(byte[]... packets) {
        int size = 2;
        for (byte[] p : packets) {
            size += 2 + p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putShort((short) packets.length);
        for (byte[] p : packets) {
            b.putShort((short) p.length);
            b.put(p);
        }
        return b.array();
    }

    static byte[] ltp(int token, int price) {
        return ByteBuffer.allocate(8).putInt(token).putInt(price).array();
    }

    /** 28-byte index quote: ltp, high, low, open, close, change. */
    static byte[] indexQuote(int token, int ltp, int high, int low, int open, int close, int change) {
        return ByteBuffer.allocate(28).putInt(token).putInt(ltp).putInt(high).putInt(low).putInt(open).putInt(close)
                .putInt(change).array();
    }

    static byte[] indexFull(int token, int ltp, int high, int low, int open, int close, int change, int epochSeconds) {
        return ByteBuffer.allocate(32).putInt(token).putInt(ltp).putInt(high).putInt(low).putInt(open).putInt(close)
                .putInt(change).putInt(epochSeconds).array();
    }

    /** 44-byte quote: ltp, last qty, avg price, volume, buy qty, sell qty, open, high, low, close. */
    static byte[] quote(int token, int ltp, int lastQty, int avg, int volume, int buyQty, int sellQty, int open, int high,
                        int low, int close) {
        return ByteBuffer.allocate(44).putInt(token).putInt(ltp).putInt(lastQty).putInt(avg).putInt(volume).putInt(buyQty)
                .putInt(sellQty).putInt(open).putInt(high).putInt(low).putInt(close).array();
    }

    /** 184-byte full packet: the quote, then last trade time, OI, OI high, OI low, exchange time, 10 depth entries. */
    static byte[] full(int token, int ltp, int lastQty, int avg, int volume, int buyQty, int sellQty, int open, int high,
                       int low, int close, int lastTradeTime, int oi, int oiHigh, int oiLow, int exchangeTime,
                       int[][] bids, int[][] asks) {
        ByteBuffer b = ByteBuffer.allocate(184);
        b.put(quote(token, ltp, lastQty, avg, volume, buyQty, sellQty, open, high, low, close));
        b.putInt(lastTradeTime).putInt(oi).putInt(oiHigh).putInt(oiLow).putInt(exchangeTime);
        for (int[][] side : new int[][][] {bids, asks}) {
            for (int i = 0; i < 5; i++) {
                int[] e = i < side.length ? side[i] : new int[] {0, 0, 0};
                b.putInt(e[0]).putInt(e[1]).putShort((short) e[2]).putShort((short) 0);
            }
        }
        return b.array();
    }
}
