package io.niftyscanner.kite;

/**
 * A quote from {@code /quote}, {@code /quote/ohlc} or {@code /quote/ltp}. Prices are exact minor units
 * (see {@link io.niftyscanner.market.Prices}); fields a route does not send are 0 (volume: -1).
 *
 * @param key             the {@code i} value it answers, e.g. {@code NSE:INFY}
 * @param timestampMillis exchange time of the quote, epoch milliseconds; 0 when absent
 */
public record Quote(String key, long instrumentToken, long lastPrice, long lastQuantity, long volume,
                    long averagePrice, long buyQuantity, long sellQuantity, long open, long high, long low,
                    long close, long timestampMillis, long lastTradeTimeMillis) {}
