package io.niftyscanner.kite;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.Instrument;
import io.niftyscanner.tools.ReliabilityFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Rows of Kite's instrument dump (kite-protocol.md 2.4), random, mutated and well formed. The dump is read whole or
 * refused with the line and what is wrong with it; a row that is read becomes an instrument that makes sense (a token
 * Kite can have, a finite positive tick size, a lot size of at least one), and a well-formed row reads back exactly.
 */
class InstrumentCsvFuzzTest {
    private static final String HEADER = "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,"
            + "lot_size,instrument_type,segment,exchange";
    private static final AtomicLong ROWS = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();

    @AfterContainer
    static void figures() {
        ReliabilityFigures.record("fuzz: instrument CSV rows", Map.of("rows", ROWS.get(), "dumps_refused", REFUSED.get()));
    }

    private record Row(String line, long token, String symbol, double tickSize, int lotSize) {}

    @Provide
    Arbitrary<Row> rows() {
        return Combinators.combine(Arbitraries.longs().between(1, 0xFFFF_FFFFL), Arbitraries.strings().withCharRange('A', 'Z')
                        .ofMinLength(1).ofMaxLength(12), Arbitraries.of(0.05, 0.01, 0.0025, 1.0, 0.5), Arbitraries.integers().between(1, 10_000),
                Arbitraries.of("EQ", "FUT", "CE", "PE"), Arbitraries.of("NSE", "NFO-FUT", "BSE"))
                .as((token, symbol, tick, lot, type, segment) -> new Row(token + "," + (token >> 8) + "," + symbol + ",\"" + symbol
                        + " LTD, INDIA\",0,,0," + tick + "," + lot + "," + type + "," + segment + "," + segment.substring(0, 3),
                        token, symbol, tick, lot));
    }

    @Provide
    Arbitrary<List<Row>> rowLists() {
        return rows().list().ofMaxSize(6);
    }

    @Property(tries = 800)
    void wellFormedRowsReadBackExactly(@ForAll("rowLists") List<Row> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        rows.forEach(r -> csv.append(r.line()).append('\n'));
        ROWS.addAndGet(rows.size());
        List<InstrumentRow> read = InstrumentCsv.parse(csv.toString());
        assertThat(read).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            InstrumentRow got = read.get(i);
            assertThat(got.instrumentToken()).isEqualTo(r.token());
            assertThat(got.tradingsymbol()).isEqualTo(r.symbol());
            assertThat(got.name()).isEqualTo(r.symbol() + " LTD, INDIA");
            assertThat(got.tickSize()).isEqualTo(r.tickSize());
            assertThat(got.lotSize()).isEqualTo(r.lotSize());
        }
    }

    @Property(tries = 2000)
    void anyDumpIsReadIntoSaneInstrumentsOrRefusedWithTheLine(@ForAll("dumps") List<String> lines) {
        ROWS.addAndGet(lines.size());
        List<InstrumentRow> read;
        try {
            read = InstrumentCsv.parse(HEADER + "\n" + String.join("\n", lines));
        } catch (DataException e) {
            REFUSED.incrementAndGet();
            assertThat(e.getMessage()).as("the reason").contains("instrument dump").containsPattern("line \\d+|empty|column");
            return;
        }
        for (InstrumentRow r : read) {
            assertThat(r.instrumentToken()).as("%s", r).isBetween(1L, 0xFFFF_FFFFL);
            assertThat(Double.isFinite(r.tickSize()) && r.tickSize() >= 0).as("%s", r).isTrue();
            assertThat(r.lotSize()).as("%s", r).isGreaterThanOrEqualTo(0);
            if (!r.tradingsymbol().isBlank()) {
                Instrument in = r.toInstrument();
                assertThat(in.tickSize()).as("%s", in).isPositive().isLessThan(Double.POSITIVE_INFINITY);
                assertThat(in.lotSize()).as("%s", in).isPositive();
            }
        }
    }

    @Provide
    Arbitrary<List<String>> dumps() {
        Arbitrary<String> good = rows().map(Row::line);
        Arbitrary<String> mutated = Combinators.combine(good, Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.of(',', '"', '.', '-', 'e', ' ', '0', '\r', 'x'), Arbitraries.of(0, 1, 2)).as((line, at, c, how) -> {
                    int i = at % (line.length() + 1);
                    int j = Math.min(line.length(), i + 1);
                    return how == 0 ? line.substring(0, i) + line.substring(j)
                            : how == 1 ? line.substring(0, i) + c + line.substring(i) : line.substring(0, i) + c + line.substring(j);
                });
        Arbitrary<String> field = Arbitraries.of("", "0", "-1", "408065", "4294967296", "99999999999999999999", "NaN", "Infinity",
                "-0.05", "1e400", "0.05", "2147483648", "-2147483649", "1", "\"INFY\"", "\"a,b\"", "\"unclosed", "EQ", "NSE");
        Arbitrary<String> fields = field.list().ofSize(12).map(l -> String.join(",", l));
        Arbitrary<String> junk = Arbitraries.strings().ofMaxLength(60);
        return Arbitraries.frequencyOf(Tuple.of(4, good), Tuple.of(4, mutated), Tuple.of(4, fields), Tuple.of(1, junk))
                .list().ofMaxSize(6).map(ArrayList::new);
    }
}
