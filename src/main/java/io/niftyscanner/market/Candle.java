package io.niftyscanner.market;

import java.time.Instant;

/**
 * A closed (or forming) OHLCV candle. Prices are in minor units (see {@link Prices}).
 *
 * @param startMillis bucket start, epoch milliseconds (IST-aligned to 09:15)
 * @param volume      volume traded inside the bucket (not cumulative)
 * @param tickCount   ticks that went into it (0 for historical candles)
 */
public record Candle(long token, long startMillis, long open, long high, long low, long close, long volume,
                     int tickCount, CandleQuality quality) {

    public Candle {
        if (low > high) {
            throw new IllegalArgumentException("candle low " + low + " above high " + high + " for token " + token);
        }
        if (quality == null) {
            quality = CandleQuality.COMPLETE;
        }
    }

    public Instant start() {
        return Instant.ofEpochMilli(startMillis);
    }

    public double openPrice() {
        return Prices.toDouble(open, token);
    }

    public double highPrice() {
        return Prices.toDouble(high, token);
    }

    public double lowPrice() {
        return Prices.toDouble(low, token);
    }

    public double closePrice() {
        return Prices.toDouble(close, token);
    }

    public Candle withQuality(CandleQuality newQuality) {
        return new Candle(token, startMillis, open, high, low, close, volume, tickCount, newQuality);
    }
}
