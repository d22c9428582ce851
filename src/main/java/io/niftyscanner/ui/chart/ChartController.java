package io.niftyscanner.ui.chart;

import io.niftyscanner.app.ChartSeries;
import io.niftyscanner.ui.fx.Controller;
import io.niftyscanner.ui.main.DashboardSnapshot;
import javafx.scene.Parent;

/**
 * The chart of the selected symbol: candles with the EMA overlays, volume, signal markers, the RSI pane with its
 * bands; the forming candle moves with each fast refresh, gapped and repaired candles are marked.
 */
public final class ChartController implements Controller {
    private final ChartModel model = new ChartModel();
    private ChartView view;
    private ChartPalette palette = ChartPalette.DARK;

    @Override
    public Parent root() {
        if (view == null) {
            view = new ChartView(model);
            view.setPalette(palette);
        }
        return view.root();
    }

    public ChartModel model() {
        return model;
    }

    /** A symbol was chosen: its chart arrives with the next refresh. */
    public void show(String symbol) {
        if (!symbol.equals(model.symbol.get())) {
            model.symbol.set(symbol);
            model.series.set(null);
            model.placeholder.set("Loading " + symbol + "…");
        }
    }

    /** Centres the candle that started at {@code startMillis} (a signal's candle), now or once its chart is here. */
    public void centreOn(long startMillis) {
        model.centreOn.set(0);
        model.centreOn.set(startMillis);
    }

    /** Back to the newest candle. */
    public void follow() {
        if (view != null) {
            view.follow();
        }
    }

    /** The dark or the light palette, with the window's theme. */
    public void setLightTheme(boolean light) {
        palette = light ? ChartPalette.LIGHT : ChartPalette.DARK;
        if (view != null) {
            view.setPalette(palette);
        }
    }

    public void onSnapshot(DashboardSnapshot snapshot) {
        ChartSeries s = snapshot.chart();
        if (s != null && s.symbol().equals(model.symbol.get())) {
            model.series.set(s);
        }
    }
}
