package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.Tick;
import io.niftyscanner.tools.ReliabilityFigures;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * Tick-file lines (design.md 5), random, mutated and well formed, through the reader and through {@code replay}. Every
 * line that is not blank or a comment becomes exactly one tick or one reported problem naming its line number and what
 * is wrong; a tick is never nonsense (a token, a positive price, a volume of -1 (unknown) or more, a quantity of 0 or
 * more); a well-formed line gives back exactly the values it was written from; and {@code replay} of any such file ends
 * normally with every bad line reported.
 */
class TickFileFuzzTest {
    private static final String HEADER = "time,token,last_price,volume,last_quantity";
    private static final AtomicLong LINES = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();
    private static final AtomicLong FILES = new AtomicLong();

    @AfterContainer
    static void figures() {
        ReliabilityFigures.record("fuzz: tick-file lines", Map.of("lines", LINES.get(), "refused", REFUSED.get(),
                "files_replayed", FILES.get()));
    }

    private record Problem(long line, String reason) {}

    private record Read(List<Tick> ticks, List<Long> tickLines, List<Problem> problems) {}

    private static Read read(List<String> lines) throws IOException {
        List<Problem> problems = new ArrayList<>();
        TickFileReader r = new TickFileReader(new BufferedReader(new StringReader(HEADER + "\n" + String.join("\n", lines))),
                (n, reason, line) -> problems.add(new Problem(n, reason)));
        List<Tick> ticks = new ArrayList<>();
        List<Long> at = new ArrayList<>();
        for (Tick t = r.next(); t != null; t = r.next()) {
            ticks.add(t);
            at.add(r.lineNumber());
        }
        return new Read(ticks, at, problems);
    }

    @Property(tries = 1500)
    void everyLineIsATickOrAReportedProblem(@ForAll("lines") List<String> lines) throws IOException {
        Read read = read(lines);
        List<Long> counted = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            // the reader reads lines as BufferedReader splits them: a line break inside a fuzzed "line" starts another
            for (String part : lines.get(i).split("\r\n|\r|\n", -1)) {
                counted.add(part.isBlank() || part.startsWith("#") ? -1L : 0L);
            }
        }
        long data = counted.stream().filter(c -> c == 0).count();
        LINES.addAndGet(data);
        REFUSED.addAndGet(read.problems().size());
        assertThat(read.ticks().size() + read.problems().size()).as("one outcome per data line of %s", lines).isEqualTo(data);
        for (Problem p : read.problems()) {
            assertThat(p.line()).isBetween(2L, 1L + counted.size());
            assertThat(p.reason()).as("the reason for line %d", p.line()).isNotBlank();
        }
        for (Tick t : read.ticks()) {
            assertThat(t.token()).as("%s", t).isPositive();
            assertThat(t.lastPrice()).as("%s", t).isPositive();
            assertThat(t.volume()).as("%s", t).isGreaterThanOrEqualTo(-1);
            assertThat(t.lastQuantity()).as("%s", t).isGreaterThanOrEqualTo(0);
        }
    }

    /** A tick as a line, written from its values (as a recorder would), with the values it must read back as. */
    private record Written(String line, long token, long millis, long paise, long volume, long quantity) {}

    @Provide
    Arbitrary<Written> written() {
        return Combinators.combine(Arbitraries.longs().between(1, 0xFFFF_FFFFL).filter(t -> (t & 0xFF) != 3 && (t & 0xFF) != 6),
                Arbitraries.longs().between(0, 4_102_444_800_000L), Arbitraries.longs().between(1, 100_000_000_00L),
                Arbitraries.longs().between(-1, 9_000_000_000L), Arbitraries.longs().between(0, 1_000_000), Arbitraries.of(true, false))
                .as((token, millis, paise, volume, qty, iso) -> {
                    String time = iso ? Instant.ofEpochMilli(millis).atOffset(ZoneOffset.ofHoursMinutes(5, 30)).toString()
                            : String.valueOf(millis);
                    String price = paise / 100 + "." + String.format("%02d", paise % 100);
                    return new Written(time + "," + token + "," + price + "," + (volume < 0 ? "" : volume) + "," + qty, token,
                            millis, paise, volume, qty);
                });
    }

    @Property(tries = 1000)
    void wellFormedLinesReadBackExactly(@ForAll("written") Written w) throws IOException {
        Read read = read(List.of(w.line()));
        LINES.incrementAndGet();
        assertThat(read.problems()).as(w.line()).isEmpty();
        assertThat(read.ticks()).as(w.line()).containsExactly(new Tick(w.token(), w.millis(), w.paise(), w.volume(), w.quantity(), 0));
    }

    @Provide
    Arbitrary<List<String>> lines() {
        Arbitrary<String> good = written().map(Written::line);
        Arbitrary<String> mutated = Combinators.combine(good, Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.of(',', '.', '-', '+', '"', 'e', 'Z', 'T', ':', ' ', '0', '9', '\u0000', '\uFEFF', '٣'),
                Arbitraries.of(0, 1, 2)).as((line, at, c, how) -> {
                    int i = at % (line.length() + 1);
                    int j = Math.min(line.length(), i + 1);
                    return how == 0 ? line.substring(0, i) + line.substring(j)
                            : how == 1 ? line.substring(0, i) + c + line.substring(i) : line.substring(0, i) + c + line.substring(j);
                });
        Arbitrary<String> fields = Arbitraries.of("", " ", "0", "-1", "1e5", "NaN", "99999999999999999999", "9223372036854775807",
                "2500.005", "2500.05", "-2500", "2026-11-24T09:15:03+05:30", "2026-02-30T09:15:03+05:30",
                "2026-11-24T09:15:03", "2026-11-24T24:00:00Z", "+999999999-12-31T23:59:59+18:00", "1764000000000",
                "738561", "4294967296", "abc", "0.0", "00.01", ".5", "5.", "1,5", "\"738561\"")
                .list().ofMinSize(0).ofMaxSize(7).map(l -> String.join(",", l));
        Arbitrary<String> junk = Arbitraries.strings().ofMaxLength(80);
        Arbitrary<String> line = Arbitraries.frequencyOf(Tuple.of(3, good), Tuple.of(5, mutated), Tuple.of(4, fields),
                Tuple.of(1, junk), Tuple.of(1, Arbitraries.of("", "# a comment", "   ")));
        return line.list().ofMaxSize(12);
    }

    @Property(tries = 25)
    void replayOfAFuzzedFileEndsNormallyAndReportsEveryBadLine(@ForAll("lines") List<String> lines) throws Exception {
        Path dir = Files.createTempDirectory("tick-fuzz");
        try {
            Files.writeString(dir.resolve("instrument_tokens.json"), "{\"RELIANCE\": 738561, \"INFY\": 408065}");
            Files.writeString(dir.resolve("ticks.csv"), HEADER + "\n" + String.join("\n", lines) + "\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), dir, Map.of());
            int exit = new ReplayCommand().run(List.of("ticks.csv", "--json"), ctx);
            FILES.incrementAndGet();
            String stderr = err.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(stderr).isZero();
            Read read = read(lines);
            for (Problem p : read.problems()) {
                assertThat(stderr).as("replay reports line %d (%s)", p.line(), p.reason()).contains("line " + p.line());
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
