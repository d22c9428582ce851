package io.niftyscanner.kite;

import io.niftyscanner.market.Prices;
import io.niftyscanner.market.Tick;

/**
 * One decoded packet, as a mutable holder that the {@link TickDecoder} reuses for every packet: read it inside
 * the callback, copy what you keep ({@link #toTick(long)}). Prices are in the segment's minor units exactly as
 * Kite sent them ({@link Prices} converts); fields a packet kind does not carry are 0 (volume: -1).
 */
public final class KiteTickData {
    public static final int DEPTH = 5;

    long token;
    int packetLength;
    long lastPrice;
    long lastQuantity;
    long averagePrice;
    long volume;
    long buyQuantity;
    long sellQuantity;
    long open;
    long high;
    long low;
    long close;
    /** Index packets only: the "price change" field as sent (kite-protocol.md 1.4). */
    long priceChange;
    long lastTradeTimeMillis;
    long oi;
    long oiDayHigh;
    long oiDayLow;
    long exchangeTimeMillis;
    final long[] bidQuantity = new long[DEPTH];
    final long[] bidPrice = new long[DEPTH];
    final int[] bidOrders = new int[DEPTH];
    final long[] askQuantity = new long[DEPTH];
    final long[] askPrice = new long[DEPTH];
    final int[] askOrders = new int[DEPTH];

    void reset(long token, int packetLength) {
        this.token = token;
        this.packetLength = packetLength;
        lastPrice = lastQuantity = averagePrice = buyQuantity = sellQuantity = 0;
        open = high = low = close = priceChange = lastTradeTimeMillis = oi = oiDayHigh = oiDayLow = exchangeTimeMillis = 0;
        volume = -1;
        for (int i = 0; i < DEPTH; i++) {
            bidQuantity[i] = bidPrice[i] = askQuantity[i] = askPrice[i] = 0;
            bidOrders[i] = askOrders[i] = 0;
        }
    }

    /** An immutable copy of the fields the engine uses. */
    public Tick toTick(long receivedNanos) {
        return new Tick(token, exchangeTimeMillis, lastPrice, volume, lastQuantity, receivedNanos);
    }

    public long token() { return token; }
    /** 8 (ltp), 28 (index quote), 32 (index full), 44 (quote) or 184 (full). */
    public int packetLength() { return packetLength; }
    public boolean isIndex() { return packetLength == 28 || packetLength == 32; }
    public boolean hasDepth() { return packetLength == 184; }
    public long lastPrice() { return lastPrice; }
    public double lastPriceRupees() { return Prices.toDouble(lastPrice, token); }
    public long lastQuantity() { return lastQuantity; }
    public long averagePrice() { return averagePrice; }
    /** Cumulative day volume (unsigned 32-bit on the wire); -1 for packets without it. */
    public long volume() { return volume; }
    public long buyQuantity() { return buyQuantity; }
    public long sellQuantity() { return sellQuantity; }
    public long open() { return open; }
    public long high() { return high; }
    public long low() { return low; }
    public long close() { return close; }
    public long priceChange() { return priceChange; }
    public long lastTradeTimeMillis() { return lastTradeTimeMillis; }
    public long oi() { return oi; }
    public long oiDayHigh() { return oiDayHigh; }
    public long oiDayLow() { return oiDayLow; }
    /** Exchange timestamp, epoch millis; 0 for packets without one (ltp, quote, index quote). */
    public long exchangeTimeMillis() { return exchangeTimeMillis; }
    public long bidQuantity(int level) { return bidQuantity[level]; }
    public long bidPrice(int level) { return bidPrice[level]; }
    public int bidOrders(int level) { return bidOrders[level]; }
    public long askQuantity(int level) { return askQuantity[level]; }
    public long askPrice(int level) { return askPrice[level]; }
    public int askOrders(int level) { return askOrders[level]; }

    @Override
    public String toString() {
        return "KiteTickData[token=" + token + ", len=" + packetLength + ", ltp=" + lastPrice + ", volume=" + volume
                + ", exchangeTime=" + exchangeTimeMillis + "]";
    }
}
