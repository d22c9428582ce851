package io.niftyscanner.config;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A time-of-day window in IST, [start, end). */
public record TimeWindow(LocalTime start, LocalTime end) {
    public TimeWindow {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("window end " + end + " is not after its start " + start);
        }
    }

    public boolean contains(LocalTime t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** Parses {@code 09:15-10:00,14:00-15:30}. */
    public static List<TimeWindow> parseList(String text) {
        List<TimeWindow> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            String[] ends = p.split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("'" + p + "' is not a window; write HH:MM-HH:MM");
            }
            try {
                out.add(new TimeWindow(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim())));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + p + "' is not a window; write HH:MM-HH:MM", e);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
