package io.niftyscanner.ui.status;

import io.niftyscanner.app.ScannerView;
import io.niftyscanner.feed.FeedState;
import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.ui.Formats;
import io.niftyscanner.ui.fx.Controller;
import io.niftyscanner.ui.main.DashboardSnapshot;
import java.util.Locale;
import javafx.scene.Parent;

/**
 * The status bar: market time, ticks per second, tick-to-signal latency, the last poll cycle, candles awaiting repair,
 * the journal's path.
 */
public final class StatusBarController implements Controller {
    private final StatusBarModel model = new StatusBarModel();
    private StatusBarView view;
    private long lastPollCycle = -1;

    @Override
    public Parent root() {
        if (view == null) {
            view = new StatusBarView(model);
        }
        return view.root();
    }

    public StatusBarModel model() {
        return model;
    }

    public void onSnapshot(DashboardSnapshot snapshot) {
        ScannerView v = snapshot.view();
        model.marketTime.set("Market time " + Formats.time(v.marketTimeMillis()) + " IST");
        FeedStatus s = v.status();
        boolean live = s != null && s.state() == FeedState.LIVE;
        model.ticksPerSecond.set(live ? String.format(Locale.ROOT, "%.0f ticks/s", s.ticksPerSecond()) : "ticks " + v.ticks());
        if (s != null && s.pollCycleMillis() >= 0) {
            lastPollCycle = s.pollCycleMillis();
        }
        long micros = v.tickToSignalMicros();
        model.latency.set(micros < 0 ? "tick→signal –" : micros < 10_000
                ? String.format(Locale.ROOT, "tick→signal %.2f ms", micros / 1000.0)
                : String.format(Locale.ROOT, "tick→signal %d ms", micros / 1000));
        model.pollCycle.set(lastPollCycle < 0 ? "last poll –" : "last poll " + lastPollCycle + " ms");
        model.awaitingRepair.set(v.awaitingRepair() == 0 ? "no candles awaiting repair"
                : v.awaitingRepair() + (v.awaitingRepair() == 1 ? " candle" : " candles") + " awaiting repair");
        model.journal.set(v.journalFile() == null ? "" : "journal " + v.journalFile());
    }
}
