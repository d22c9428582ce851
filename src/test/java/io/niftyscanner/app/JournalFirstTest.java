package io.niftyscanner.app;

import static io.niftyscanner.app.SandboxRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.journal.Journal;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Candles and signals are committed before they are passed on to be shown, alerted or traded on. */
class JournalFirstTest {
    private static final long T0 = 1_795_498_500_000L; // a 09:15 IST

    @TempDir
    Path dir;

    private final List<String> shown = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    private static Candle candle(long token, long start) {
        return new Candle(token, start, 100_00, 101_00, 99_00, 100_50, 1_000, 10, CandleQuality.COMPLETE);
    }

    private static Signal signal(long token, long start) {
        return new Signal(token, "INFY", Side.BUY, start + 300_000, candle(token, start), 100_50, 100.4, 100.3, 100.2, 100.3, 60,
                1.5, 98.2, 105.0, false, "EMA9 crossed above EMA21", Map.of());
    }

    private final JournalFirst.Downstream recorder = new JournalFirst.Downstream() {
        @Override
        public void candleClosed(Candle c) {
            shown.add("candle " + c.token() + "@" + c.startMillis());
        }

        @Override
        public void candleRepaired(Candle before, Candle after) {
            shown.add("repaired " + after.token() + "@" + after.startMillis());
        }

        @Override
        public void signal(Signal s) {
            shown.add("signal " + s.key());
        }
    };

    private final JournalFirst.Failures reporter = (what, error, action) -> failures.add(what + ": " + error.getMessage() + ". " + action);

    @Test
    void nothingIsPassedOnWhileItsCommitIsStillRunning() throws Exception {
        CountDownLatch inCommit = new CountDownLatch(1);
        CountDownLatch diskDone = new CountDownLatch(1);
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        List<String> shownDuringTheFirstCommit = new ArrayList<>();
        JournalFirst.Store slowDisk = new JournalFirst.Store() {
            @Override
            public void record(List<Candle> candles, List<Signal> signals, long at) {
                batchSizes.add(candles.size() + signals.size());
                if (batchSizes.size() == 1) {
                    shownDuringTheFirstCommit.addAll(shown);
                    inCommit.countDown();
                    try {
                        diskDone.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public String where() {
                return "slow disk";
            }
        };
        try (JournalFirst jf = new JournalFirst(slowDisk, recorder, reporter, Clock.systemUTC())) {
            jf.candleClosed(candle(408065, T0));
            assertThat(inCommit.await(10, TimeUnit.SECONDS)).isTrue();
            jf.signal(signal(408065, T0)); // arrive while the first commit runs: they wait, and go in one transaction
            jf.candleRepaired(candle(408065, T0 - 300_000), candle(408065, T0 - 300_000));
            jf.candleClosed(candle(408065, T0 + 300_000));
            assertThat(shownDuringTheFirstCommit).as("shown while its commit ran").isEmpty();
            assertThat(shown).as("still nothing shown while the commit runs").isEmpty();
            diskDone.countDown();
            await("everything shown", Duration.ofSeconds(10), () -> shown.size() == 4);
        }
        assertThat(shown).containsExactly("candle 408065@" + T0, "signal 408065:" + T0 + ":BUY", "repaired 408065@" + (T0 - 300_000),
                "candle 408065@" + (T0 + 300_000));
        assertThat(batchSizes).containsExactly(1, 3);
        assertThat(failures).isEmpty();
    }

    @Test
    void withTheRealJournalEverySignalPassedOnIsAlreadyReadableFromAnotherConnection() throws Exception {
        Path file = dir.resolve("journal.db");
        AtomicInteger checked = new AtomicInteger();
        List<String> missing = new CopyOnWriteArrayList<>();
        try (Journal journal = Journal.open(file); Journal reader = Journal.open(file)) {
            JournalFirst.Downstream check = new JournalFirst.Downstream() {
                @Override
                public void candleClosed(Candle c) {
                    if (reader.candles(c.token(), c.startMillis(), c.startMillis() + 1).isEmpty()) {
                        missing.add("candle " + c.startMillis());
                    }
                    checked.incrementAndGet();
                }

                @Override
                public void candleRepaired(Candle before, Candle after) {
                    candleClosed(after);
                }

                @Override
                public void signal(Signal s) {
                    if (reader.signalsSince(0).stream().noneMatch(r -> r.get("signal_key").equals(s.key()))) {
                        missing.add("signal " + s.key());
                    }
                    checked.incrementAndGet();
                }
            };
            try (JournalFirst jf = new JournalFirst(JournalFirst.Store.of(journal, "kite"), check, reporter, Clock.systemUTC())) {
                for (int i = 0; i < 40; i++) {
                    long start = T0 + i * 300_000L;
                    jf.candleClosed(candle(408065, start));
                    jf.candleClosed(candle(738561, start));
                    if (i % 4 == 0) {
                        jf.signal(signal(408065, start));
                    }
                }
            } // close(): commits and passes on everything handed over
            assertThat(checked).hasValue(90);
            assertThat(missing).isEmpty();
            assertThat(reader.signalsSince(0)).hasSize(10);
        }
    }

    @Test
    void aJournalThatCannotCommitIsShownAsAFailureAndTheSignalIsStillShown() {
        AtomicInteger attempts = new AtomicInteger();
        JournalFirst.Store full = new JournalFirst.Store() {
            @Override
            public void record(List<Candle> candles, List<Signal> signals, long at) {
                attempts.incrementAndGet();
                throw new IllegalStateException("[SQLITE_FULL] database or disk is full");
            }

            @Override
            public String where() {
                return "data/journal.db";
            }
        };
        try (JournalFirst jf = new JournalFirst(full, recorder, reporter, Clock.systemUTC())) {
            jf.signal(signal(408065, T0));
        }
        // four tries, and one more at the stop when the writer had already taken the signal alone
        assertThat(attempts.get()).as("retried").isBetween(4, 5);
        assertThat(shown).containsExactly("signal 408065:" + T0 + ":BUY");
        assertThat(failures).singleElement().asString().contains("the journal: [SQLITE_FULL] database or disk is full")
                .contains("New orders are stopped").contains("the 0 candles and 1 signals shown are kept in memory")
                .contains("data/journal.db");
    }

    @Test
    void whatWasShownWhileTheDiskWasFullIsSavedInOrderOnceItHasRoomAgain() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean full = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<String> health = new CopyOnWriteArrayList<>();
        try (Journal journal = Journal.open(dir.resolve("journal.db"))) {
            JournalFirst.Store real = JournalFirst.Store.of(journal, "kite");
            JournalFirst.Store disk = new JournalFirst.Store() {
                @Override
                public void record(List<Candle> candles, List<Signal> signals, long at) {
                    if (full.get()) {
                        throw new IllegalStateException("[SQLITE_FULL] database or disk is full");
                    }
                    real.record(candles, signals, at);
                }

                @Override
                public String where() {
                    return real.where();
                }
            };
            JournalFirst.Health listener = new JournalFirst.Health() {
                @Override
                public void unwritable(String reason) {
                    health.add("unwritable: " + reason);
                }

                @Override
                public void writableAgain(int savedLate) {
                    health.add("writable again: " + savedLate);
                }
            };
            try (JournalFirst jf = new JournalFirst(disk, recorder, reporter, listener, Clock.systemUTC())) {
                jf.candleClosed(candle(408065, T0));
                await("shown though not saved", Duration.ofSeconds(10), () -> shown.size() == 1);
                assertThat(jf.writable()).isFalse();
                jf.candleClosed(candle(408065, T0 + 300_000));
                jf.signal(signal(408065, T0 + 300_000));
                await("shown though not saved", Duration.ofSeconds(10), () -> shown.size() == 3);
                assertThat(health).containsExactly("unwritable: [SQLITE_FULL] database or disk is full");
                assertThat(failures).hasSize(1); // one ERROR, not one per batch

                full.set(false); // space freed: the next retry round saves everything, with no new item needed
                await("saved", Duration.ofSeconds(10), jf::writable);
                assertThat(health).last().isEqualTo("writable again: 3");
                assertThat(journal.candles("kite", 408065, T0, T0 + 600_000)).extracting(Candle::startMillis)
                        .containsExactly(T0, T0 + 300_000);
                assertThat(journal.signalsSince(0)).hasSize(1);
                assertThat(shown).as("each shown once").hasSize(3);
            }
        }
    }
}
