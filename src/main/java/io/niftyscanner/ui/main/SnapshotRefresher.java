package io.niftyscanner.ui.main;

import io.niftyscanner.app.ChartSeries;
import io.niftyscanner.app.ScannerSession;
import io.niftyscanner.app.ScannerView;
import io.niftyscanner.ui.FxThread;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's one refresher. On its own thread ("ui-refresh") it reads the session's snapshot and the selected
 * symbol's chart every {@code fastMillis}, marks every {@code tableMillis} as a table refresh, and hands the result to
 * the FX thread coalesced (a busy FX thread sees only the newest). The window never receives per-tick events.
 */
final class SnapshotRefresher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotRefresher.class);

    private final ScannerSession session;
    private final long fastMillis;
    private final long tableNanos;
    private final LongSupplier selectedToken;
    private final LongSupplier nanos;
    private final FxThread.Latest<DashboardSnapshot> out;
    private ScheduledExecutorService scheduler;
    private long lastTables = Long.MIN_VALUE;
    private volatile boolean tablesRequested = true;

    /**
     * @param selectedToken the token whose chart to read, 0 for none (read on the refresher's thread)
     * @param deliver       receives each snapshot on the FX thread
     */
    SnapshotRefresher(ScannerSession session, long fastMillis, long tableMillis, LongSupplier selectedToken,
                      Consumer<DashboardSnapshot> deliver) {
        this(session, fastMillis, tableMillis, selectedToken, System::nanoTime,
                FxThread.latest(deliver, DashboardSnapshot::merge));
    }

    SnapshotRefresher(ScannerSession session, long fastMillis, long tableMillis, LongSupplier selectedToken,
                      LongSupplier nanos, FxThread.Latest<DashboardSnapshot> out) {
        this.session = session;
        this.fastMillis = fastMillis;
        this.tableNanos = TimeUnit.MILLISECONDS.toNanos(tableMillis);
        this.selectedToken = selectedToken;
        this.nanos = nanos;
        this.out = out;
    }

    synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ui-refresh");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::tick, 0, fastMillis, TimeUnit.MILLISECONDS);
    }

    /** An extra refresh as soon as possible, e.g. for a newly selected symbol; {@code tables} refreshes the tables too. */
    synchronized void refreshNow(boolean tables) {
        if (tables) {
            tablesRequested = true;
        }
        if (scheduler != null) {
            scheduler.execute(this::tick);
        }
    }

    /** One refresh; runs on the refresher's thread (tests call it directly). */
    void tick() {
        try {
            long now = nanos.getAsLong();
            boolean tables = tablesRequested || lastTables == Long.MIN_VALUE || now - lastTables >= tableNanos;
            if (tables) {
                lastTables = now;
                tablesRequested = false;
            }
            ScannerView view = session.view();
            long token = selectedToken.getAsLong();
            ChartSeries chart = token == 0 ? null : session.chart(token);
            out.post(new DashboardSnapshot(view, chart, session.trading().view(), tables));
        } catch (RuntimeException e) {
            LOG.warn("window refresh failed: {}", e.toString(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
