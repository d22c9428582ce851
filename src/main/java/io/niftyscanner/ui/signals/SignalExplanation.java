package io.niftyscanner.ui.signals;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import io.niftyscanner.market.Timeframe;
import io.niftyscanner.ui.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why a signal fired, in the trader's words, from the signal's provenance: the candle, each indicator value against
 * its threshold, the data quality and the timings. Pure; the "why" view only lays the lines out.
 */
public record SignalExplanation(String title, List<Line> lines) {
    /** One fact: a label, the value, and whether it met the rule (null when it is not a condition). */
    public record Line(String id, String label, String value, Boolean met) {}

    public static SignalExplanation of(Signal s) {
        Map<String, Double> t = s.thresholds();
        int fast = (int) Math.round(t.getOrDefault("ema_fast", Double.NaN));
        int slow = (int) Math.round(t.getOrDefault("ema_slow", Double.NaN));
        int rsiPeriod = (int) Math.round(t.getOrDefault("rsi_period", Double.NaN));
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("whyRule", "Rule", s.rule(), null));
        Candle c = s.candle();
        long end = c.startMillis() + Timeframe.FIVE_MINUTES.millis();
        lines.add(new Line("whyCandle", "Candle", Formats.time(c.startMillis()) + "–" + Formats.time(end)
                + (s.intrabar() ? " (forming)" : "") + "  O " + Formats.price(c.openPrice()) + "  H " + Formats.price(c.highPrice())
                + "  L " + Formats.price(c.lowPrice()) + "  C " + Formats.price(c.closePrice()) + "  Vol " + Formats.volume(c.volume())
                + (c.tickCount() > 0 ? "  · " + c.tickCount() + " ticks" : ""), null));
        boolean buy = s.side() == Side.BUY;
        boolean crossed = buy ? s.emaFastPrev() <= s.emaSlowPrev() && s.emaFast() > s.emaSlow()
                : s.emaFastPrev() >= s.emaSlowPrev() && s.emaFast() < s.emaSlow();
        lines.add(new Line("whyEma", "EMA " + fast + " / " + slow,
                String.format(Locale.ROOT, "before %s %s %s, now %s %s %s: crossed %s", num(s.emaFastPrev()),
                        buy ? "≤" : "≥", num(s.emaSlowPrev()), num(s.emaFast()), buy ? ">" : "<", num(s.emaSlow()),
                        buy ? "above" : "below"), crossed));
        double min = t.getOrDefault(buy ? "rsi_buy_min" : "rsi_sell_min", Double.NaN);
        double max = t.getOrDefault(buy ? "rsi_buy_max" : "rsi_sell_max", Double.NaN);
        boolean inBand = s.rsi() >= min && s.rsi() <= max;
        lines.add(new Line("whyRsi", "RSI " + rsiPeriod, String.format(Locale.ROOT, "%s in [%s, %s]", Formats.number(s.rsi(), 2),
                trim(min), trim(max)), inBand));
        lines.add(new Line("whyRisk", "ATR, stop, target", String.format(Locale.ROOT, "ATR %s · stop %s (%s ATR) · target %s (%s ATR)",
                num(s.atr()), Formats.price(s.stop()), trim(t.getOrDefault("stop_atr", Double.NaN)), Formats.price(s.target()),
                trim(t.getOrDefault("target_atr", Double.NaN))), null));
        lines.add(new Line("whyQuality", "Data quality", quality(c.quality(), s.intrabar()), c.quality().signalEligible()));
        long lag = s.timeMillis() - end;
        lines.add(new Line("whyTiming", "Timing", "raised at " + Formats.time(s.timeMillis()) + " IST market time"
                + (s.intrabar() ? ", inside the candle" : lag >= 0 ? String.format(Locale.ROOT, ", %.1f s after the candle's end", lag / 1000.0) : ""),
                null));
        return new SignalExplanation(s.side() + " " + s.symbol() + " at " + Formats.price(s.priceRupees()), List.copyOf(lines));
    }

    /** Looks a line up by its id. */
    public Line line(String id) {
        for (Line l : lines) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        return null;
    }

    private static String quality(CandleQuality q, boolean intrabar) {
        String base;
        switch (q) {
            case COMPLETE:
                base = "complete: built from ticks covering the whole 5 minutes";
                break;
            case REPAIRED:
                base = "repaired: the exchange's own candle replaced one with missed data, then the rule was checked";
                break;
            case HISTORICAL:
                base = "historical: the exchange's candle from the warm-up";
                break;
            case PARTIAL:
                base = "partial: the app joined inside this candle";
                break;
            default:
                base = "gapped: data was missed inside this candle";
                break;
        }
        return intrabar ? base + "; intrabar signal on the forming candle (it can change before the close)" : base;
    }

    private static String num(double v) {
        return Formats.number(v, 2);
    }

    private static String trim(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
