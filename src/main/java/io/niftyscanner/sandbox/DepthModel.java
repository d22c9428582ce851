package io.niftyscanner.sandbox;

/** Five levels of bids and asks around the last price, derived deterministically from (seed, token, step). */
final class DepthModel {
    static final int LEVELS = 5;
    private static final long TICK = 5;

    private DepthModel() {}

    static QuoteSnapshot snapshot(SessionDay day, int slot, long seed, long exchangeMillis) {
        SimInstrument s = day.universe.get(slot);
        boolean traded = day.lastTradeStep[slot] >= 0;
        long last = traded ? day.last[slot] : day.prevClose[slot];
        long open = traded ? day.open[slot] : last;
        long high = traded ? day.high[slot] : last;
        long low = traded ? day.low[slot] : last;
        long tradeTime = traded ? day.lastTradeMillis[slot] : day.openMillis;
        if (s.isIndex()) {
            return new QuoteSnapshot(s, last, 0, 0, 0, 0, 0, open, high, low, day.prevClose[slot], tradeTime,
                    exchangeMillis, new long[0], new long[0], new int[0], new long[0], new long[0], new int[0]);
        }
        long key = PriceModel.mix(seed ^ (s.token() * 31L) ^ ((long) day.lastTradeStep[slot] << 20) ^ day.date.toEpochDay());
        long typicalQty = Math.max(1L, Math.round(PriceModel.TURNOVER_PER_TICK_RUPEES * (1 + s.indexWeight()) / (last / 100.0)));
        long bestBid = last - TICK * (key & 1);
        long bestAsk = bestBid + TICK * (1 + ((key >>> 1) & 1));
        long[] bidP = new long[LEVELS];
        long[] bidQ = new long[LEVELS];
        int[] bidO = new int[LEVELS];
        long[] askP = new long[LEVELS];
        long[] askQ = new long[LEVELS];
        int[] askO = new int[LEVELS];
        long h = key;
        for (int j = 0; j < LEVELS; j++) {
            h = PriceModel.mix(h + j);
            bidP[j] = Math.max(TICK, bestBid - TICK * j);
            askP[j] = bestAsk + TICK * j;
            bidQ[j] = 1 + Math.floorMod(h, typicalQty * 2);
            askQ[j] = 1 + Math.floorMod(h >>> 17, typicalQty * 2);
            bidO[j] = (int) (1 + Math.floorMod(h >>> 34, 25));
            askO[j] = (int) (1 + Math.floorMod(h >>> 44, 25));
        }
        long buyQty = typicalQty * (40 + Math.floorMod(h >>> 8, 60));
        long sellQty = typicalQty * (40 + Math.floorMod(h >>> 24, 60));
        return new QuoteSnapshot(s, last, day.lastQty[slot], day.averagePrice(slot), day.volume[slot], buyQty, sellQty,
                open, high, low, day.prevClose[slot], tradeTime, exchangeMillis, bidP, bidQ, bidO, askP, askQ, askO);
    }
}
