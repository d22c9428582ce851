package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.journal.Journal;
import io.niftyscanner.journal.OrderRow;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.kite.Order;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.sandbox.SandboxExchange;
import io.niftyscanner.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./scanner scan --headless --auto-trade --json} as a real process against a sandbox exchange that outlives it,
 * with a real SQLite journal: killed with SIGKILL at the worst moments (an entry order in the exchange's book whose
 * answer never reached the scanner; then a stop order in the same state) and restarted. The exchange never holds two
 * orders with one tag, and the journal holds every signal and every order.
 */
class AutoTradeKillTest {
    private static final LocalDate SESSION = LocalDate.of(2026, 11, 23);
    private static final List<Instrument> INSTRUMENTS = List.of(Instrument.nseEquity("RELIANCE", 738561),
            Instrument.nseEquity("INFY", 408065), Instrument.nseEquity("TCS", 2953217), Instrument.nseEquity("HDFCBANK", 341249),
            Instrument.nseEquity("SBIN", 779521), Instrument.nseEquity("ITC", 424961), Instrument.nseEquity("LT", 2939649),
            Instrument.nseEquity("AXISBANK", 1510401));
    private static final int MAX_ENTRIES = 8;

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private SandboxExchange exchange;

    @AfterEach
    void cleanUp() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        if (exchange != null) {
            exchange.close();
        }
    }

    /** {@code scan --headless --auto-trade --json} against the test's exchange, plus the given options. */
    private ScannerProcess start(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("scan", "--headless", "--auto-trade", "--json"));
        args.addAll(List.of(extra));
        Map<String, String> env = ScannerProcess.kiteEnv(exchange);
        ScannerProcess p = new ScannerProcess(dir, List.of(), env, args);
        processes.add(p.process);
        return p;
    }

    /** Kills the victim (SIGKILL) inside the exchange, after an order it placed is in the book and before the answer. */
    private final AtomicReference<Process> victim = new AtomicReference<>();
    private final AtomicReference<Predicate<String>> killWhen = new AtomicReference<>(tag -> false);
    private final List<String> killedAt = new CopyOnWriteArrayList<>();

    private void killOnOrder(String orderId, String tag) {
        Process p = victim.get();
        if (p == null || tag == null || !killWhen.get().test(tag) || !victim.compareAndSet(p, null)) {
            return;
        }
        killedAt.add(tag);
        p.toHandle().destroyForcibly();
        try {
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void prepare() throws IOException {
        exchange = SandboxExchange.start(SandboxOptions.defaults().withSpeed(150).withSeed(11)
                .withStart(SESSION, LocalTime.of(10, 0)).withInstruments(INSTRUMENTS));
        exchange.addOrderListener(this::killOnOrder);
        InstrumentTokensFile.save(dir.resolve("instrument_tokens.json"), INSTRUMENTS, OffsetDateTime.now());
        Files.createDirectories(dir.resolve("config"));
        // every EMA crossover becomes a signal, so a short run trades several times
        Files.writeString(dir.resolve("config/scanner.properties"), String.join("\n", "holidays =", "strategy.warmup.days = 2",
                "strategy.rsi.buy.min = 0", "strategy.rsi.buy.max = 100", "strategy.rsi.sell.min = 0",
                "strategy.rsi.sell.max = 100", "risk.max.orders.per.day = " + MAX_ENTRIES, "risk.max.open.positions = 8",
                "orders.signal.max.age.seconds = 900", ""));
    }

    @Test
    void killedTwiceAtTheWorstMomentsNoOrderIsSentTwiceAndTheJournalHoldsEverything() throws Exception {
        prepare();

        ScannerProcess first = start();
        killWhen.set(tag -> tag.startsWith("NSE")); // its first entry: in the book, its answer never read
        victim.set(first.process);
        assertThat(first.process.waitFor(240, TimeUnit.SECONDS)).as("killed at its first entry\n" + first.err).isTrue();
        first.awaitEnd();
        assertThat(killedAt).hasSize(1);
        String entryTag = killedAt.get(0);

        ScannerProcess second = start();
        killWhen.set(tag -> tag.startsWith("NSS")); // a stop: the adopted entry's, or a later trade's
        victim.set(second.process);
        assertThat(second.process.waitFor(240, TimeUnit.SECONDS)).as("killed at its first stop\n" + second.err).isTrue();
        second.awaitEnd();
        assertThat(killedAt).hasSize(2);
        String stopTag = killedAt.get(1);

        ScannerProcess third = start("--duration", "20");
        assertThat(third.process.waitFor(240, TimeUnit.SECONDS)).as("the last run ends on its own\n" + third.err).isTrue();
        third.awaitEnd();
        assertThat(third.process.exitValue()).as(third.err.toString()).isZero();
        assertThat(third.err.toString()).contains("Auto-trade: orders go to the sandbox exchange's own order book");

        List<Order> book = new KiteRestClient(KiteHttp.shared(), exchange.restUrl(), KiteSession.SANDBOX).orders();
        Map<String, List<Order>> byTag = new HashMap<>();
        for (Order o : book) {
            assertThat(o.tag()).as("every order at the exchange was placed by the scanner").startsWith("NS");
            byTag.computeIfAbsent(o.tag(), t -> new ArrayList<>()).add(o);
        }
        assertThat(byTag).as("no two orders with one tag").allSatisfy((tag, orders) -> assertThat(orders).hasSize(1));
        assertThat(byTag).containsKeys(entryTag, stopTag);
        assertThat(byTag.keySet().stream().filter(t -> t.startsWith("NSE")).count()).as("entries within the daily limit")
                .isBetween(1L, (long) MAX_ENTRIES);

        try (Journal journal = Journal.open(dir.resolve("data/journal-sandbox.db"))) {
            Map<String, OrderRow> journaled = new HashMap<>();
            for (OrderRow r : journal.trades().orders(SESSION.toString())) {
                journaled.put(r.tag(), r);
            }
            for (Order o : book) {
                OrderRow r = journaled.get(o.tag());
                assertThat(r).as("the exchange's order %s (%s) is in the journal", o.orderId(), o.tag()).isNotNull();
                assertThat(r.orderId()).as("journaled id of %s", o.tag()).isEqualTo(o.orderId());
            }
            assertThat(journaled.get(entryTag).status()).as("the entry whose answer was lost, adopted after the restart")
                    .isEqualTo("COMPLETE");
            assertThat(journal.trades().orderHistory(entryTag)).extracting(h -> h.get("status")).first().isEqualTo("SENDING");
            for (OrderRow r : journaled.values()) {
                assertThat(r.status()).as("%s journaled but never at the exchange", r.tag())
                        .satisfiesAnyOf(s -> assertThat(byTag).containsKey(r.tag()), s -> assertThat(s).isEqualTo("NOT_PLACED"));
            }

            Set<String> signals = new HashSet<>();
            for (Map<String, Object> row : journal.signalsSince(0)) {
                signals.add(row.get("signal_key").toString());
            }
            for (ScannerProcess s : List.of(first, second, third)) {
                for (JsonNode sig : s.ofType("signal")) {
                    String key = sig.get("token").asLong() + ":" + millis(sig.get("candle_start").asText()) + ":"
                            + sig.get("side").asText() + (sig.path("intrabar").asBoolean() ? ":i" : "");
                    assertThat(signals).as("printed signal %s is in the journal", key).contains(key);
                }
                for (JsonNode order : s.ofType("order")) {
                    if (!order.get("status").asText().equals("REFUSED")) {
                        assertThat(journaled).as("printed order %s is in the journal", order).containsKey(order.get("tag").asText());
                    }
                }
            }
            for (OrderRow r : journaled.values()) {
                assertThat(signals).as("the signal of order %s is journaled", r.tag()).contains(r.signalKey());
            }
        }
    }

    private static long millis(String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }
}
