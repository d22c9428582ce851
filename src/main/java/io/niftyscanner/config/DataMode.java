package io.niftyscanner.config;

import java.util.Locale;

/** How market data reaches the engine. */
public enum DataMode {
    STREAM("stream"),
    POLL("poll"),
    HYBRID("hybrid");

    private final String id;

    DataMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static DataMode parse(String text) {
        for (DataMode m : values()) {
            if (m.id.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a data mode; allowed: stream, poll, hybrid");
    }
}
