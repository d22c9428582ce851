package io.niftyscanner.alerts;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import java.time.Instant;
import java.util.Map;

/** Signals for alert tests: RELIANCE (token 738561) and INFY (408065) on 2026-11-23. */
final class Signals {
    /** 2026-11-23 10:25 IST, a candle start. */
    static final Instant CANDLE = Instant.parse("2026-11-23T04:55:00Z");

    private Signals() {}

    static Signal signal(String symbol, Side side, int candleIndex) {
        long token = symbol.equals("RELIANCE") ? 738561 : symbol.equals("INFY") ? 408065 : 2953217;
        long start = CANDLE.toEpochMilli() + candleIndex * 300_000L;
        long price = 245_610;
        Candle c = new Candle(token, start, 245_000, 246_000, 244_900, price, 12_000, 40, CandleQuality.COMPLETE);
        return new Signal(token, symbol, side, start + 300_000, c, price, 2450.2, 2449.9, 2449.1, 2449.5, 56.34, 10.0,
                side == Side.BUY ? 2441.10 : 2471.10, side == Side.BUY ? 2486.10 : 2426.10, false,
                side == Side.BUY ? "EMA9 crossed above EMA21, RSI14 in [50,70]" : "EMA9 crossed below EMA21, RSI14 in [30,50]",
                Map.of("ema_fast", 9.0));
    }
}
