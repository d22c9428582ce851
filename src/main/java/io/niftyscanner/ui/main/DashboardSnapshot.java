package io.niftyscanner.ui.main;

import io.niftyscanner.app.ChartSeries;
import io.niftyscanner.app.ScannerView;
import io.niftyscanner.orders.TradingView;

/**
 * What one refresh hands to every pane: the session's immutable snapshot, the selected symbol's chart (null when
 * none is selected), the order execution's snapshot, and whether the tables are due (they refresh at the configured
 * period, the rest faster).
 */
public record DashboardSnapshot(ScannerView view, ChartSeries chart, TradingView trading, boolean tablesDue) {

    /** Without trading (tests of the other panes). */
    public DashboardSnapshot(ScannerView view, ChartSeries chart, boolean tablesDue) {
        this(view, chart, TradingView.EMPTY, tablesDue);
    }

    /** Two snapshots that queued up while the FX thread was busy: the newer one, keeping a pending table refresh. */
    static DashboardSnapshot merge(DashboardSnapshot older, DashboardSnapshot newer) {
        return older.tablesDue && !newer.tablesDue ? new DashboardSnapshot(newer.view, newer.chart, newer.trading, true) : newer;
    }
}
