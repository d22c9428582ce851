package io.niftyscanner.kite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses Kite's instrument dump (CSV, header row first; quoted fields may contain commas). */
final class InstrumentCsv {
    private static final String[] REQUIRED = {"instrument_token", "exchange_token", "tradingsymbol", "name", "last_price",
        "expiry", "strike", "tick_size", "lot_size", "instrument_type", "segment", "exchange"};

    private InstrumentCsv() {}

    static List<InstrumentRow> parse(String csv) {
        String[] lines = csv.split("\r?\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new DataException("Kite's instrument dump is empty", 0, "");
        }
        List<String> header = fields(lines[0].replace("\uFEFF", ""));
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i).trim(), i);
        }
        for (String r : REQUIRED) {
            if (!col.containsKey(r)) {
                throw new DataException("Kite's instrument dump has no '" + r + "' column; header was: " + lines[0], 0, "");
            }
        }
        List<InstrumentRow> rows = new ArrayList<>(lines.length);
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            List<String> f = fields(lines[n]);
            if (f.size() < header.size()) {
                throw new DataException("Kite's instrument dump line " + (n + 1) + " has " + f.size() + " fields, expected "
                        + header.size(), 0, "");
            }
            try {
                long token = Long.parseLong(get(f, col, "instrument_token"));
                if (token <= 0 || token > 0xFFFF_FFFFL) {
                    throw new NumberFormatException("instrument_token " + token + " is not a Kite token (1 to 4294967295)");
                }
                double tickSize = parseDouble(get(f, col, "tick_size"));
                if (!Double.isFinite(tickSize) || tickSize < 0) {
                    throw new NumberFormatException("tick_size " + get(f, col, "tick_size") + " is not a price step");
                }
                long lotSize = parseLong(get(f, col, "lot_size"));
                if (lotSize < 0 || lotSize > Integer.MAX_VALUE) {
                    throw new NumberFormatException("lot_size " + lotSize + " is not a lot size");
                }
                rows.add(new InstrumentRow(token, parseLong(get(f, col, "exchange_token")), get(f, col, "tradingsymbol"),
                        get(f, col, "name"), get(f, col, "last_price"), get(f, col, "expiry"), get(f, col, "strike"), tickSize,
                        (int) lotSize, get(f, col, "instrument_type"), get(f, col, "segment"), get(f, col, "exchange")));
            } catch (NumberFormatException e) {
                throw new DataException("Kite's instrument dump line " + (n + 1) + " has a bad number: " + e.getMessage(), 0, "");
            }
        }
        return rows;
    }

    private static String get(List<String> f, Map<String, Integer> col, String name) {
        return f.get(col.get(name)).trim();
    }

    private static long parseLong(String s) {
        return s.isEmpty() ? 0 : Long.parseLong(s);
    }

    private static double parseDouble(String s) {
        return s.isEmpty() ? 0 : Double.parseDouble(s);
    }

    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
