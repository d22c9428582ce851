package io.niftyscanner.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.niftyscanner.market.SessionCalendar;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** The alert as JSON: the {@code --json} line (design.md 5) and the webhook's body share these fields. */
public final class AlertJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private AlertJson() {}

    /** {@code {"type":"alert","time":…,"symbol":…,"side":…,"channels":[…], …}}: times in IST with offset. */
    public static ObjectNode line(AlertEvent e) {
        ObjectNode n = fields(e.alert());
        ArrayNode channels = n.putArray("channels");
        e.channels().forEach(channels::add);
        if (!e.muted().isEmpty()) {
            ArrayNode muted = n.putArray("muted");
            e.muted().forEach(muted::add);
        }
        return n;
    }

    static ObjectNode fields(Alert a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "alert");
        n.put("time", iso(a.alertTime()));
        n.put("symbol", a.symbol());
        n.put("side", a.side().name());
        n.put("price", a.price());
        number(n, "stop", a.stop());
        number(n, "target", a.target());
        number(n, "rsi", a.rsi());
        n.put("signal_time", iso(a.signalTime()));
        n.put("candle_start", iso(a.candleStart()));
        n.put("signal_to_alert_ms", a.signalToAlertMillis());
        if (a.intrabar()) {
            n.put("intrabar", true);
        }
        return n;
    }

    public static String iso(Instant t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(SessionCalendar.ist(t.toEpochMilli()).toOffsetDateTime());
    }

    private static void number(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        }
    }
}
