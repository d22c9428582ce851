package io.niftyscanner.app;

import io.niftyscanner.market.Prices;
import io.niftyscanner.market.Tick;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a tick file (design.md 5): CSV with the header {@code time,token,last_price,volume}, optional further
 * columns ({@code last_quantity}, {@code oi}). {@code time} is ISO-8601 with an offset or epoch milliseconds;
 * {@code last_price} is rupees, converted exactly to minor units; {@code volume} is the cumulative day volume
 * (empty: unknown). Malformed lines go to the {@link Problems} callback with their line number and are skipped.
 */
final class TickFileReader {
    static final List<String> REQUIRED = List.of("time", "token", "last_price", "volume");

    /** Receives malformed lines. */
    interface Problems {
        void malformed(long lineNumber, String reason, String line);
    }

    private final BufferedReader in;
    private final Problems problems;
    private final int time;
    private final int token;
    private final int price;
    private final int volume;
    private final int lastQuantity;
    private final int columns;
    private long lineNumber;

    /** Reads the header; throws {@link IllegalArgumentException} saying what is wrong with it. */
    TickFileReader(BufferedReader in, Problems problems) throws IOException {
        this.in = in;
        this.problems = problems;
        String header = in.readLine();
        lineNumber = 1;
        if (header == null) {
            throw new IllegalArgumentException("the file is empty; a tick file starts with the header "
                    + String.join(",", REQUIRED));
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> names = Arrays.stream(header.split(",", -1)).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        for (String required : REQUIRED) {
            if (!names.contains(required)) {
                throw new IllegalArgumentException("the header line '" + header + "' lacks the column '" + required
                        + "'; a tick file starts with " + String.join(",", REQUIRED) + " (further columns may follow)");
            }
        }
        time = names.indexOf("time");
        token = names.indexOf("token");
        price = names.indexOf("last_price");
        volume = names.indexOf("volume");
        lastQuantity = names.indexOf("last_quantity");
        columns = names.size();
    }

    /** The next well-formed tick, or null at the end of the file. */
    Tick next() throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Tick tick = parse(line);
            if (tick != null) {
                return tick;
            }
        }
        return null;
    }

    long lineNumber() {
        return lineNumber;
    }

    private Tick parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length < Math.max(4, Math.min(columns, 1 + Math.max(Math.max(time, token), Math.max(price, volume))))) {
            problems.malformed(lineNumber, "expected " + columns + " columns, found " + f.length, line);
            return null;
        }
        long tok;
        try {
            tok = Long.parseLong(f[token].trim());
        } catch (NumberFormatException e) {
            problems.malformed(lineNumber, "token '" + f[token].trim() + "' is not a whole number", line);
            return null;
        }
        if (tok <= 0) {
            problems.malformed(lineNumber, "token must be positive", line);
            return null;
        }
        long millis;
        try {
            millis = parseTime(f[time].trim());
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            // a year like +999999999 parses, then overflows epoch milliseconds: as unusable as a typo
            problems.malformed(lineNumber, "time '" + f[time].trim()
                    + "' is neither ISO-8601 with an offset (2026-11-24T09:15:03+05:30) nor epoch milliseconds", line);
            return null;
        }
        long lastPrice;
        try {
            lastPrice = Prices.parseMinor(f[price].trim(), tok);
        } catch (NumberFormatException | ArithmeticException e) {
            problems.malformed(lineNumber, "last_price: " + e.getMessage(), line);
            return null;
        }
        if (lastPrice <= 0) {
            problems.malformed(lineNumber, "last_price must be positive", line);
            return null;
        }
        long vol;
        long qty = 0;
        try {
            String v = f[volume].trim();
            vol = v.isEmpty() ? -1 : Long.parseLong(v);
            if (lastQuantity >= 0 && lastQuantity < f.length && !f[lastQuantity].isBlank()) {
                qty = Long.parseLong(f[lastQuantity].trim());
            }
        } catch (NumberFormatException e) {
            problems.malformed(lineNumber, "volume and last_quantity must be whole numbers", line);
            return null;
        }
        if (vol < -1) {
            problems.malformed(lineNumber, "volume must not be negative", line);
            return null;
        }
        if (qty < 0) {
            problems.malformed(lineNumber, "last_quantity must not be negative", line);
            return null;
        }
        return new Tick(tok, millis, lastPrice, vol, qty, 0L);
    }

    static long parseTime(String text) {
        boolean digits = !text.isEmpty();
        for (int i = 0; i < text.length() && digits; i++) {
            digits = Character.isDigit(text.charAt(i));
        }
        if (digits) {
            return Long.parseLong(text);
        }
        long fast = parseIsoFast(text);
        return fast != Long.MIN_VALUE ? fast : OffsetDateTime.parse(text).toInstant().toEpochMilli();
    }

    /**
     * The common shape {@code yyyy-MM-ddTHH:mm:ss[.SSS…](Z|±HH:MM)} without the java.time parser (replay speed);
     * Long.MIN_VALUE for anything else, which then goes through {@link OffsetDateTime#parse}.
     */
    static long parseIsoFast(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE;   // days 29-31 take the careful path, which knows month lengths
        }
        int i = 19;
        long millis = 0;
        if (i < n && t.charAt(i) == '.') {
            i++;
            int start = i;
            while (i < n && Character.isDigit(t.charAt(i))) {
                if (i - start < 3) {
                    millis = millis * 10 + (t.charAt(i) - '0');
                }
                i++;
            }
            if (i == start) {
                return Long.MIN_VALUE;
            }
            for (int k = i - start; k < 3; k++) {
                millis *= 10;
            }
        }
        long offsetSeconds;
        if (i == n - 1 && t.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
            int oh = digits(t, i + 1, 2);
            int om = digits(t, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return Long.MIN_VALUE;
            }
            offsetSeconds = (t.charAt(i) == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
        } else {
            return Long.MIN_VALUE;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1000 + millis;
    }

    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
