package io.niftyscanner.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Signal;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Prints candles and signals as JSON lines (design.md 5) or as a readable table. */
final class ReplayPrinter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TABLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PrintWriter out;
    private final boolean json;
    private boolean headerPrinted;

    ReplayPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    static String isoIst(long epochMillis) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(SessionCalendar.ist(epochMillis).toOffsetDateTime());
    }

    static ObjectNode candleJson(Instrument in, Candle c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "candle");
        n.put("symbol", in.symbol());
        n.put("token", in.token());
        n.put("start", isoIst(c.startMillis()));
        n.put("open", c.openPrice());
        n.put("high", c.highPrice());
        n.put("low", c.lowPrice());
        n.put("close", c.closePrice());
        n.put("volume", c.volume());
        n.put("ticks", c.tickCount());
        n.put("quality", c.quality().name());
        return n;
    }

    static ObjectNode signalJson(Signal s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "signal");
        n.put("symbol", s.symbol());
        n.put("token", s.token());
        n.put("side", s.side().name());
        n.put("time", isoIst(s.timeMillis()));
        n.put("candle_start", isoIst(s.candleStartMillis()));
        n.put("price", s.priceRupees());
        number(n, "ema_fast", s.emaFast());
        number(n, "ema_slow", s.emaSlow());
        number(n, "rsi", s.rsi());
        number(n, "ema_fast_prev", s.emaFastPrev());
        number(n, "ema_slow_prev", s.emaSlowPrev());
        number(n, "atr", s.atr());
        number(n, "stop", s.stop());
        number(n, "target", s.target());
        n.put("intrabar", s.intrabar());
        n.put("quality", s.candle().quality().name());
        n.put("rule", s.rule());
        return n;
    }

    private static void number(ObjectNode n, String field, double value) {
        if (Double.isFinite(value)) {
            n.put(field, value);
        } else {
            n.putNull(field);
        }
    }

    void candle(Instrument in, Candle c) {
        if (json) {
            line(candleJson(in, c));
            return;
        }
        header();
        out.printf(Locale.ROOT, "%-6s %-12s %-19s  O %10.2f  H %10.2f  L %10.2f  C %10.2f  V %10d  %s%n", "candle",
                in.symbol(), TABLE_TIME.format(SessionCalendar.ist(c.startMillis())), c.openPrice(), c.highPrice(),
                c.lowPrice(), c.closePrice(), c.volume(), c.quality() == io.niftyscanner.market.CandleQuality.COMPLETE
                        ? "" : c.quality().name());
    }

    void signal(Signal s) {
        if (json) {
            line(signalJson(s));
            return;
        }
        header();
        out.printf(Locale.ROOT, "%-6s %-12s %-19s  %-4s @ %10.2f  EMA fast %.2f slow %.2f  RSI %.1f  stop %.2f  target %.2f"
                        + "  (candle %s%s)%n", "SIGNAL", s.symbol(), TABLE_TIME.format(SessionCalendar.ist(s.timeMillis())),
                s.side(), s.priceRupees(), s.emaFast(), s.emaSlow(), s.rsi(), s.stop(), s.target(),
                TABLE_TIME.format(SessionCalendar.ist(s.candleStartMillis())), s.intrabar() ? ", intrabar" : "");
    }

    private void header() {
        if (!headerPrinted) {
            out.println("what   symbol       time (IST)");
            headerPrinted = true;
        }
    }

    private void line(ObjectNode node) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
