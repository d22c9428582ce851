package io.niftyscanner.app;

import io.niftyscanner.market.Side;

/**
 * One instrument's line on the watchlist, as of one snapshot. Prices in rupees; NaN where not known yet.
 *
 * @param lastSignal side of the latest signal today, or null
 */
public record WatchRow(String symbol, long token, double lastPrice, double changePercent, long dayVolume,
                       double emaFast, double emaSlow, double rsi, long lastCandleStartMillis, String candleQuality,
                       Side lastSignal, long lastTickMillis) {}
