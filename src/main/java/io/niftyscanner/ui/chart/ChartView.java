package io.niftyscanner.ui.chart;

import io.niftyscanner.app.ChartSeries;
import io.niftyscanner.market.Candle;
import io.niftyscanner.ui.Formats;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The chart pane: a header with the symbol and the values under the mouse (or the newest), and the chart. */
final class ChartView {
    private final VBox root;
    private final CandleChart chart = new CandleChart();
    private final Label readout = new Label();
    private final Label title = new Label();
    private final Button now = new Button("Now");
    private final Label legendFast = new Label();
    private final Label legendSlow = new Label();
    private final Label legendRsi = new Label();

    ChartView(ChartModel model) {
        chart.setId("candleChart");
        title.setId("chartTitle");
        title.getStyleClass().add("chart-title");
        title.textProperty().bind(model.symbol);
        readout.setId("chartReadout");
        readout.getStyleClass().add("chart-readout");
        HBox legend = new HBox(10, legendFast, legendSlow, legendRsi);
        legend.setAlignment(Pos.CENTER_LEFT);
        now.setId("chartFollow");
        now.setTooltip(new Tooltip("Back to the newest candle (or double-click the chart). Wheel zooms, drag scrolls."));
        now.setOnAction(e -> {
            chart.follow();
            now.setDisable(true);
        });
        now.setDisable(true);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        title.setMinWidth(Region.USE_PREF_SIZE);
        legend.setMinWidth(Region.USE_PREF_SIZE);
        now.setMinWidth(Region.USE_PREF_SIZE);
        readout.setMinWidth(0);
        HBox.setHgrow(readout, Priority.SOMETIMES);
        HBox header = new HBox(12, title, readout, spring, legend, now);
        header.setAlignment(Pos.CENTER_LEFT);

        Label placeholder = new Label();
        placeholder.textProperty().bind(model.placeholder);
        placeholder.getStyleClass().add("chart-placeholder");
        placeholder.visibleProperty().bind(model.series.isNull());
        StackPane stack = new StackPane(chart, placeholder);
        VBox.setVgrow(stack, Priority.ALWAYS);

        chart.setOnHover(i -> {
            readout.setText(describe(chart.series(), i < 0 && chart.series() != null ? chart.series().size() - 1 : i));
            now.setDisable(chart.following());
        });
        chart.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> now.setDisable(chart.following()));
        chart.addEventHandler(javafx.scene.input.ScrollEvent.SCROLL, e -> now.setDisable(chart.following()));
        model.series.addListener((o, was, is) -> {
            chart.setSeries(is);
            readout.setText(is == null ? "" : describe(is, is.size() - 1));
            if (is != null) {
                ChartSeries.Bands b = is.bands();
                legendFast.setText("━ EMA " + b.emaFast());
                legendSlow.setText("━ EMA " + b.emaSlow());
                legendRsi.setText("━ RSI " + b.rsiPeriod());
                if (model.centreOn.get() != 0) {
                    centre(model);
                }
            }
        });
        model.centreOn.addListener((o, was, is) -> {
            if (is.longValue() != 0 && model.series.get() != null) {
                centre(model);
                now.setDisable(chart.following());
            }
        });

        root = new VBox(6, header, stack);
        root.setPadding(new Insets(8));
        root.getStyleClass().add("chart-pane");
    }

    private void centre(ChartModel model) {
        long start = model.centreOn.get();
        if (model.series.get().indexOf(start) >= 0) {
            chart.centre(start);
            model.centreOn.set(0);
        }
    }

    void setPalette(ChartPalette palette) {
        chart.setPalette(palette);
        legendFast.setStyle("-fx-text-fill: " + web(palette.emaFast()));
        legendSlow.setStyle("-fx-text-fill: " + web(palette.emaSlow()));
        legendRsi.setStyle("-fx-text-fill: " + web(palette.rsi()));
    }

    void follow() {
        chart.follow();
        now.setDisable(true);
    }

    private static String web(javafx.scene.paint.Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    CandleChart chart() {
        return chart;
    }

    Parent root() {
        return root;
    }

    static String describe(ChartSeries s, int i) {
        if (s == null || i < 0 || i >= s.size()) {
            return "";
        }
        Candle c = s.candle(i);
        String when = Formats.time(c.startMillis()).substring(0, 5);
        return String.format(Locale.ROOT, "%s%s  O %s  H %s  L %s  C %s  V %s  EMA %s / %s  RSI %s%s", when,
                s.hasForming() && i == s.size() - 1 ? " (forming)" : "", Formats.price(c.openPrice()),
                Formats.price(c.highPrice()), Formats.price(c.lowPrice()), Formats.price(c.closePrice()),
                Formats.volume(c.volume()), Formats.price(s.emaFast(i)), Formats.price(s.emaSlow(i)), Formats.number(s.rsi(i), 1),
                c.quality() == io.niftyscanner.market.CandleQuality.COMPLETE || c.quality() == io.niftyscanner.market.CandleQuality.HISTORICAL
                        ? "" : "  · " + c.quality());
    }
}
