package io.niftyscanner.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Kite's instrument dump as the sandbox serves it: the simulated NIFTY 50 with their real tokens, the index rows,
 * and a few thousand deterministic other rows (NSE and BSE equities, NFO futures and options) so that the dump
 * looks like a real one. Expiries follow the session date (monthly: last Tuesday; NIFTY weekly: Tuesdays).
 */
final class InstrumentDump {
    static final String HEADER = "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,"
            + "lot_size,instrument_type,segment,exchange";
    private static final String[] SYLLABLES = {"AAR", "BHA", "CHE", "DEV", "ELE", "FIN", "GAN", "HIM", "IND", "JAY",
        "KAL", "LAK", "MAH", "NAV", "OM", "PRA", "RAJ", "SHR", "TAR", "UMA", "VAS", "YAS", "ZEN", "SUN", "GLO"};
    private static final String[] SUFFIXES = {"TECH", "CHEM", "FIN", "POWER", "INFRA", "PHARM", "STEEL", "TEX", "AGRO",
        "CEM", "MOT", "LTD", "IND", "SOFT", "LOG"};
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

    record Row(long token, long exchangeToken, String symbol, String name, double lastPrice, LocalDate expiry, double strike,
               double tickSize, int lotSize, String type, String segment, String exchange) {
        String csv() {
            return token + "," + exchangeToken + "," + symbol + ",\"" + name + "\"," + num(lastPrice) + ","
                    + (expiry == null ? "" : expiry.toString()) + "," + num(strike) + "," + num(tickSize) + "," + lotSize
                    + "," + type + "," + segment + "," + exchange;
        }
    }

    private final List<Row> rows;

    InstrumentDump(List<SimInstrument> universe, LocalDate sessionDate) {
        this.rows = build(universe, sessionDate);
    }

    List<Row> rows() {
        return rows;
    }

    /** CSV text (header first) of the rows of one exchange, or of all when {@code exchange} is null. */
    String csv(String exchange) {
        StringBuilder b = new StringBuilder(rows.size() * 80).append(HEADER).append('\n');
        for (Row r : rows) {
            if (exchange == null || r.exchange().equals(exchange)) {
                b.append(r.csv()).append('\n');
            }
        }
        return b.toString();
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String num(double d) {
        if (d == Math.rint(d)) {
            return String.valueOf((long) d);
        }
        return String.valueOf(d);
    }

    private static List<Row> build(List<SimInstrument> universe, LocalDate date) {
        List<Row> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        out.add(new Row(256265, 1001, "NIFTY 50", "NIFTY 50", 0, null, 0, 0, 0, "EQ", "INDICES", "NSE"));
        out.add(new Row(260105, 1016, "NIFTY BANK", "NIFTY BANK", 0, null, 0, 0, 0, "EQ", "INDICES", "NSE"));
        out.add(new Row(264969, 1035, "INDIA VIX", "INDIA VIX", 0, null, 0, 0, 0, "EQ", "INDICES", "NSE"));
        used.add("NSE:NIFTY 50");
        for (SimInstrument s : universe) {
            if (s.isIndex()) {
                continue;
            }
            out.add(new Row(s.token(), s.token() >> 8, s.symbol(), s.companyName(), 0, null, 0, 0.05,
                    s.instrument().lotSize(), "EQ", "NSE", "NSE"));
            used.add("NSE:" + s.symbol());
        }
        // other NSE equities (segment 1) and BSE equities (segment 4), names from a fixed syllable table
        int made = 0;
        for (int i = 0; made < 1500; i++) {
            String sym = SYLLABLES[i % SYLLABLES.length] + SYLLABLES[(i / SYLLABLES.length) % SYLLABLES.length]
                    + SUFFIXES[(i / (SYLLABLES.length * SYLLABLES.length)) % SUFFIXES.length];
            if (!used.add("NSE:" + sym)) {
                continue;
            }
            long et = 30_001L + made;
            out.add(new Row(et * 256 + 1, et, sym, sym + " LIMITED", 0, null, 0, 0.05, 1, "EQ", "NSE", "NSE"));
            made++;
        }
        for (int i = 0; i < 1000; i++) {
            long et = 500_001L + i * 3L;
            String sym = i < universe.size() - 1 ? universe.get(i).symbol() : SYLLABLES[i % SYLLABLES.length]
                    + SUFFIXES[i % SUFFIXES.length] + (i / 25);
            String name = i < universe.size() - 1 ? universe.get(i).companyName() : sym + " LTD";
            out.add(new Row(et * 256 + 4, et, sym, name, 0, null, 0, 0.05, 1, "EQ", "BSE", "BSE"));
        }
        addDerivatives(out, universe, date);
        return List.copyOf(out);
    }

    private static void addDerivatives(List<Row> out, List<SimInstrument> universe, LocalDate date) {
        long et = 40_001L;
        List<LocalDate> monthly = new ArrayList<>();
        LocalDate m = date.withDayOfMonth(1);
        while (monthly.size() < 3) {
            LocalDate exp = m.with(TemporalAdjusters.lastInMonth(DayOfWeek.TUESDAY));
            if (!exp.isBefore(date)) {
                monthly.add(exp);
            }
            m = m.plusMonths(1);
        }
        for (LocalDate exp : monthly) {
            out.add(nfo(et++, "NIFTY" + yyMon(exp) + "FUT", "NIFTY", exp, 0, 75, "FUT"));
            out.add(nfo(et++, "BANKNIFTY" + yyMon(exp) + "FUT", "BANKNIFTY", exp, 0, 35, "FUT"));
            for (SimInstrument s : universe) {
                if (!s.isIndex()) {
                    out.add(nfo(et++, s.symbol() + yyMon(exp) + "FUT", s.symbol(), exp, 0, lotFor(s.basePrice()), "FUT"));
                }
            }
        }
        LocalDate weekly = date.with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        for (int w = 0; w < 4; w++, weekly = weekly.plusWeeks(1)) {
            boolean isMonthly = monthly.contains(weekly);
            String prefix = "NIFTY" + (isMonthly ? yyMon(weekly) : weeklyCode(weekly));
            for (int k = -20; k <= 20; k++) {
                double strike = Nifty50Universe.NIFTY_50_LEVEL + k * 50;
                out.add(nfo(et++, prefix + (long) strike + "CE", "NIFTY", weekly, strike, 75, "CE"));
                out.add(nfo(et++, prefix + (long) strike + "PE", "NIFTY", weekly, strike, 75, "PE"));
            }
        }
        LocalDate exp = monthly.get(0);
        for (SimInstrument s : universe) {
            if (s.isIndex()) {
                continue;
            }
            double step = strikeStep(s.basePrice());
            double atm = Math.round(s.basePrice() / step) * step;
            for (int k = -5; k <= 5; k++) {
                double strike = atm + k * step;
                String base = s.symbol() + yyMon(exp) + num(strike);
                out.add(nfo(et++, base + "CE", s.symbol(), exp, strike, lotFor(s.basePrice()), "CE"));
                out.add(nfo(et++, base + "PE", s.symbol(), exp, strike, lotFor(s.basePrice()), "PE"));
            }
        }
    }

    private static Row nfo(long et, String symbol, String name, LocalDate expiry, double strike, int lot, String type) {
        return new Row(et * 256 + 2, et, symbol, name, 0, expiry, strike, 0.05, lot, type,
                type.equals("FUT") ? "NFO-FUT" : "NFO-OPT", "NFO");
    }

    private static String yyMon(LocalDate d) {
        return String.format(Locale.ROOT, "%02d%s", d.getYear() % 100, MONTHS[d.getMonthValue() - 1]);
    }

    /** Kite's weekly option code: yy, month as 1-9/O/N/D, dd. */
    private static String weeklyCode(LocalDate d) {
        int mo = d.getMonthValue();
        String month = mo <= 9 ? String.valueOf(mo) : mo == 10 ? "O" : mo == 11 ? "N" : "D";
        return String.format(Locale.ROOT, "%02d%s%02d", d.getYear() % 100, month, d.getDayOfMonth());
    }

    private static int lotFor(double price) {
        double lot = 500_000.0 / price;
        int[] nice = {1, 5, 10, 25, 50, 75, 100, 125, 150, 175, 250, 300, 400, 500, 550, 700, 1000, 1200, 1500, 2000, 2850, 3000};
        int best = nice[0];
        for (int n : nice) {
            if (Math.abs(n - lot) < Math.abs(best - lot)) {
                best = n;
            }
        }
        return best;
    }

    private static double strikeStep(double price) {
        if (price < 250) {
            return 2.5;
        }
        if (price < 500) {
            return 5;
        }
        if (price < 1000) {
            return 10;
        }
        if (price < 2500) {
            return 20;
        }
        if (price < 5000) {
            return 50;
        }
        return 100;
    }
}
