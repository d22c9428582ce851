package io.niftyscanner.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.app.ChartSeries;
import io.niftyscanner.app.ScannerSession;
import io.niftyscanner.app.ScannerView;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.ui.FxThread;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The refresher's cadence and coalescing, stepped by hand with a fake clock and a queue standing in for the FX thread. */
class SnapshotRefresherTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Runnable> fxQueue = new ArrayList<>();
    private final List<DashboardSnapshot> delivered = new ArrayList<>();
    private final List<Long> chartsAsked = new ArrayList<>();

    private final ScannerSession session = new ScannerSession() {
        @Override
        public ScannerView view() {
            return new ScannerView(List.of(), List.of(), null, true, "x", nanos.get(), 0, 0, 0, 0, Path.of("j.db"));
        }

        @Override
        public ChartSeries chart(long token) {
            chartsAsked.add(token);
            return null;
        }

        @Override
        public void switchMode(DataMode mode) {}

        @Override
        public void reconnect() {}

        @Override
        public List<String> fetchInstruments() {
            return List.of();
        }

        @Override
        public void close() {}
    };

    private SnapshotRefresher refresher(long[] selected) {
        return new SnapshotRefresher(session, 500, 2000, () -> selected[0], nanos::get,
                new FxThread.Latest<>(delivered::add, DashboardSnapshot::merge, fxQueue::add));
    }

    private void runFx() {
        List<Runnable> tasks = new ArrayList<>(fxQueue);
        fxQueue.clear();
        tasks.forEach(Runnable::run);
    }

    @Test
    void tablesAreDueEveryTablePeriodAndTheFastPartEveryTick() {
        SnapshotRefresher r = refresher(new long[] {0});
        List<Boolean> tables = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            r.tick();
            runFx();
            tables.add(delivered.get(delivered.size() - 1).tablesDue());
            nanos.addAndGet(500_000_000L);
        }
        assertThat(tables).containsExactly(true, false, false, false, true, false, false, false, true);
        assertThat(chartsAsked).as("no symbol selected, no chart read").isEmpty();
    }

    @Test
    void aBusyFxThreadGetsOnlyTheNewestSnapshotAndKeepsAPendingTableRefresh() {
        SnapshotRefresher r = refresher(new long[] {408065});
        r.tick();
        nanos.addAndGet(500_000_000L);
        r.tick();
        nanos.addAndGet(500_000_000L);
        r.tick();
        assertThat(fxQueue).as("one hop pending, however many refreshes").hasSize(1);
        runFx();
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).tablesDue()).as("the first refresh's tables were not lost").isTrue();
        assertThat(delivered.get(0).view().marketTimeMillis()).isEqualTo(nanos.get());
        assertThat(chartsAsked).containsExactly(408065L, 408065L, 408065L);
    }

    @Test
    void aRequestedRefreshIncludesTheTables() {
        SnapshotRefresher r = refresher(new long[] {0});
        r.tick();
        runFx();
        nanos.addAndGet(100_000_000L);
        r.refreshNow(true);
        r.tick();
        runFx();
        assertThat(delivered).extracting(DashboardSnapshot::tablesDue).containsExactly(true, true);
    }
}
