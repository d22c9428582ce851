package io.niftyscanner.kite;

import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.market.Instrument;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The token fetch (design.md 4): downloads Kite's NSE instrument dump, picks the EQ rows of the configured
 * constituents, and writes {@code instrument_tokens.json} atomically. A failed download or write leaves the old
 * file untouched. Used by {@code ./scanner fetch-instruments} and the UI's menu action.
 */
public final class InstrumentFetcher {
    private final KiteRestClient rest;
    private final Clock clock;

    /**
     * @param totalRows rows in the NSE dump
     * @param found     the constituents found, in the order of the list
     * @param missing   constituents with no NSE EQ row
     */
    public record Result(int totalRows, List<Instrument> found, List<String> missing, Path savedTo) {
        /** The report lines, exactly as the original tool printed them. */
        public List<String> reportLines(int wanted) {
            List<String> lines = new ArrayList<>();
            lines.add("Fetched " + totalRows + " instruments from NSE");
            lines.add("Found " + found.size() + " of " + wanted + " NIFTY 50 instruments");
            if (!missing.isEmpty()) {
                lines.add("Missing: " + String.join(", ", missing));
            }
            lines.add("Saved to: " + savedTo.getFileName());
            return lines;
        }
    }

    public InstrumentFetcher(KiteRestClient rest, Clock clock) {
        this.rest = rest;
        this.clock = clock;
    }

    public Result fetch(List<String> constituents, Path out) throws IOException {
        List<InstrumentRow> rows = rest.instruments("NSE");
        Map<String, InstrumentRow> eq = new HashMap<>();
        for (InstrumentRow r : rows) {
            if ("NSE".equals(r.segment()) && "EQ".equals(r.instrumentType())) {
                eq.putIfAbsent(r.tradingsymbol(), r);
            }
        }
        List<Instrument> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String symbol : constituents) {
            InstrumentRow r = eq.get(symbol);
            if (r == null) {
                missing.add(symbol);
            } else {
                found.add(r.toInstrument());
            }
        }
        if (found.isEmpty()) {
            throw new DataException("None of the " + constituents.size() + " NIFTY 50 symbols is in Kite's NSE dump ("
                    + rows.size() + " rows); " + out.getFileName() + " was left as it was", 0, "");
        }
        InstrumentTokensFile.save(out, found, OffsetDateTime.now(clock.withZone(KiteJson.IST)));
        return new Result(rows.size(), found, missing, out);
    }
}
