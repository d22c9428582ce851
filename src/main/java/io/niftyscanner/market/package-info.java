/** Value types (Instrument, Tick, Candle, Signal, Side, Timeframe) and the NSE session calendar. JDK only. */
package io.niftyscanner.market;
