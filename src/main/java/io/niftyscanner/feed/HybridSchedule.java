package io.niftyscanner.feed;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.TimeWindow;
import io.niftyscanner.market.SessionCalendar;
import java.time.LocalTime;
import java.util.List;

/**
 * Which feed hybrid mode runs at a given market time: streaming inside the configured IST windows (default
 * 09:15-10:00 and 14:00-15:30, when the market moves most), polling in between.
 */
public final class HybridSchedule {
    private final List<TimeWindow> streamWindows;

    public HybridSchedule(List<TimeWindow> streamWindows) {
        this.streamWindows = List.copyOf(streamWindows);
    }

    public DataMode feedAt(long marketEpochMillis) {
        LocalTime t = LocalTime.ofNanoOfDay(SessionCalendar.istMillisOfDay(marketEpochMillis) * 1_000_000L);
        for (TimeWindow w : streamWindows) {
            if (w.contains(t)) {
                return DataMode.STREAM;
            }
        }
        return DataMode.POLL;
    }

    /** The concrete feed for a chosen mode at a market time: hybrid resolves through the schedule. */
    public DataMode resolve(DataMode chosen, long marketEpochMillis) {
        return chosen == DataMode.HYBRID ? feedAt(marketEpochMillis) : chosen;
    }

    public List<TimeWindow> streamWindows() {
        return streamWindows;
    }
}
