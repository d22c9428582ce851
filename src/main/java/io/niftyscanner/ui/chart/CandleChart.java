package io.niftyscanner.ui.chart;

import io.niftyscanner.app.ChartSeries;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Candlesticks with EMA overlays, volume, signal markers and data-quality marks above an RSI pane with its bands,
 * drawn on one canvas. A new series or a resize marks it dirty; it redraws at most once per pulse, in
 * {@link #layoutChildren()}. Mouse: wheel zooms, drag pans, double click follows the market again.
 */
final class CandleChart extends Region {
    private static final double AXIS_WIDTH = 70;
    private static final double TIME_AXIS = 20;
    private static final double GAP = 8;
    private static final double PRICE_SHARE = 0.72;
    private static final double VOLUME_SHARE = 0.18;
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(SessionCalendar.IST);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd MMM", Locale.ENGLISH).withZone(SessionCalendar.IST);

    private final Canvas canvas = new Canvas();
    private final ChartViewport viewport = new ChartViewport();
    private final Font font = Font.font("DejaVu Sans", 11);
    private ChartPalette palette = ChartPalette.DARK;
    private ChartSeries series;
    private boolean dirty = true;
    private double lastWidth = -1;
    private double lastHeight = -1;
    private double dragStartX = Double.NaN;
    private int dragStartOffset;
    private int hover = -1;
    private IntConsumer onHover = i -> {};
    private long redraws;

    CandleChart() {
        getChildren().add(canvas);
        getStyleClass().add("candle-chart");
        setMinSize(200, 160);
        setOnScroll(e -> {
            if (series != null && e.getDeltaY() != 0) {
                viewport.zoom(e.getDeltaY() > 0 ? -1 : 1, series.size());
                markDirty();
            }
        });
        setOnMousePressed(e -> {
            dragStartX = e.getX();
            dragStartOffset = viewport.offset();
        });
        setOnMouseDragged(e -> {
            if (series == null || Double.isNaN(dragStartX)) {
                return;
            }
            int candles = (int) Math.round((e.getX() - dragStartX) / slot());
            viewport.pan(dragStartOffset - viewport.offset() + candles, series.size());
            markDirty();
        });
        setOnMouseReleased(e -> dragStartX = Double.NaN);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                viewport.follow();
                markDirty();
            }
        });
        setOnMouseMoved(e -> setHover(indexAt(e.getX())));
        setOnMouseExited(e -> setHover(-1));
    }

    void setSeries(ChartSeries next) {
        if (series != null && next != null && series.token() == next.token()) {
            viewport.keepPlace(next.closedCount() - series.closedCount());
        } else {
            viewport.follow();
        }
        series = next;
        markDirty();
    }

    ChartSeries series() {
        return series;
    }

    void setPalette(ChartPalette p) {
        palette = p;
        markDirty();
    }

    void setOnHover(IntConsumer onHover) {
        this.onHover = onHover;
    }

    void centre(long candleStartMillis) {
        if (series != null) {
            viewport.centre(series.indexOf(candleStartMillis), series.size());
            markDirty();
        }
    }

    void follow() {
        viewport.follow();
        markDirty();
    }

    boolean following() {
        return viewport.following();
    }

    /** Index range on screen: first and last (inclusive). */
    int firstShown() {
        return series == null ? 0 : viewport.first(series.size());
    }

    int lastShown() {
        return series == null ? -1 : viewport.last(series.size());
    }

    long redraws() {
        return redraws;
    }

    private void setHover(int index) {
        if (index != hover) {
            hover = index;
            onHover.accept(index);
            markDirty();
        }
    }

    private void markDirty() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (w != lastWidth || h != lastHeight) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            lastWidth = w;
            lastHeight = h;
            dirty = true;
        }
        if (dirty) {
            dirty = false;
            draw(w, h);
        }
    }

    private double plotWidth() {
        return Math.max(10, lastWidth - AXIS_WIDTH);
    }

    /** Width of one candle's column: a short series fills the chart rather than huddling at its left. */
    private double slot() {
        int size = series == null ? 0 : series.size();
        int shown = Math.max(ChartViewport.MIN_VISIBLE, Math.min(viewport.visible(), size));
        return plotWidth() / shown;
    }

    private int indexAt(double x) {
        if (series == null || x > plotWidth()) {
            return -1;
        }
        int i = firstShown() + (int) Math.floor(x / slot());
        return i <= lastShown() ? i : -1;
    }

    private double xOf(int index) {
        return (index - firstShown() + 0.5) * slot();
    }

    private void draw(double w, double h) {
        redraws++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        g.setFont(font);
        if (series == null || series.size() == 0 || w < 50 || h < 50) {
            return;
        }
        double plotH = h - TIME_AXIS;
        double priceH = Math.floor((plotH - GAP) * PRICE_SHARE);
        double rsiTop = priceH + GAP;
        double rsiH = plotH - rsiTop;
        int first = firstShown();
        int last = lastShown();

        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        long maxVolume = 1;
        for (int i = first; i <= last; i++) {
            Candle c = series.candle(i);
            lo = Math.min(lo, c.lowPrice());
            hi = Math.max(hi, c.highPrice());
            maxVolume = Math.max(maxVolume, c.volume());
            for (double ema : new double[] {series.emaFast(i), series.emaSlow(i)}) {
                if (!Double.isNaN(ema)) {
                    lo = Math.min(lo, ema);
                    hi = Math.max(hi, ema);
                }
            }
        }
        if (hi <= lo) {
            hi = lo + 1;
        }
        double pad = (hi - lo) * 0.08;
        lo -= pad;
        hi += pad;
        PriceScale price = new PriceScale(lo, hi, 4, priceH - 4);

        drawPriceGrid(g, price, w, priceH);
        drawSessionsAndTimes(g, first, last, plotH, h);
        drawQuality(g, first, last, priceH);
        drawVolume(g, first, last, priceH, maxVolume);
        drawCandles(g, price, first, last);
        drawLine(g, price, first, last, true, palette.emaSlow(), series.bands().emaSlow());
        drawLine(g, price, first, last, false, palette.emaFast(), series.bands().emaFast());
        drawSignals(g, price, first, last);
        drawRsi(g, first, last, rsiTop, rsiH, w);
        drawLastPrice(g, price, w);
        if (hover >= first && hover <= last) {
            g.setStroke(palette.crosshair());
            g.setLineWidth(1);
            double x = Math.floor(xOf(hover)) + 0.5;
            g.strokeLine(x, 0, x, plotH);
        }
    }

    private void drawPriceGrid(GraphicsContext g, PriceScale price, double w, double priceH) {
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (double p : price.ticks(Math.max(2, (int) (priceH / 55)))) {
            double y = Math.floor(price.y(p)) + 0.5;
            g.setStroke(palette.grid());
            g.strokeLine(0, y, plotWidth(), y);
            g.setFill(palette.text());
            g.fillText(String.format(Locale.ROOT, "%,.2f", p), plotWidth() + 6, y);
        }
    }

    /** Dashed lines where a session starts, labelled with its date; times in between, never overlapping a date. */
    private void drawSessionsAndTimes(GraphicsContext g, int first, int last, double plotH, double h) {
        double minLabelGap = 64;
        int every = Math.max(1, (int) Math.ceil(minLabelGap / slot()));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        java.util.List<Double> dayLabels = new java.util.ArrayList<>();
        for (int i = first + 1; i <= last; i++) {
            if (SessionCalendar.istEpochDay(series.candle(i).startMillis()) != SessionCalendar.istEpochDay(series.candle(i - 1).startMillis())) {
                double x = xOf(i);
                double sx = Math.floor(x - slot() / 2) + 0.5;
                g.setStroke(palette.text().deriveColor(0, 1, 1, 0.5));
                g.setLineDashes(4, 4);
                g.strokeLine(sx, 0, sx, plotH);
                g.setLineDashes((double[]) null);
                g.setFill(palette.text());
                double lx = Math.max(28, Math.min(plotWidth() - 28, x));
                g.fillText(DAY.format(series.candle(i).start()), lx, h - TIME_AXIS / 2);
                dayLabels.add(lx);
            }
        }
        g.setFill(palette.text());
        for (int i = first; i <= last; i += every) {
            double x = xOf(i);
            boolean clear = x > minLabelGap / 2;
            for (double d : dayLabels) {
                clear &= Math.abs(d - x) >= minLabelGap;
            }
            if (clear) {
                g.fillText(HOUR_MINUTE.format(series.candle(i).start()), x, h - TIME_AXIS / 2);
            }
        }
    }

    private void drawQuality(GraphicsContext g, int first, int last, double priceH) {
        double s = slot();
        for (int i = first; i <= last; i++) {
            CandleQuality q = series.candle(i).quality();
            Color mark = q == CandleQuality.GAPPED ? palette.gapped() : q == CandleQuality.PARTIAL ? palette.partial()
                    : q == CandleQuality.REPAIRED ? palette.repaired() : null;
            if (mark == null) {
                continue;
            }
            double x = xOf(i) - s / 2;
            if (q == CandleQuality.GAPPED) {
                g.setFill(mark.deriveColor(0, 1, 1, 0.12));
                g.fillRect(x, 0, s, priceH);
            }
            double w = Math.max(4, s - 2);
            g.setFill(mark);
            g.fillRect(xOf(i) - w / 2, priceH - 6, w, 6);
        }
    }

    private void drawVolume(GraphicsContext g, int first, int last, double priceH, long maxVolume) {
        double height = priceH * VOLUME_SHARE;
        double bar = Math.max(1, slot() * 0.7);
        for (int i = first; i <= last; i++) {
            Candle c = series.candle(i);
            double vh = height * c.volume() / maxVolume;
            g.setFill((c.close() >= c.open() ? palette.up() : palette.down()).deriveColor(0, 1, 1, 0.28));
            g.fillRect(xOf(i) - bar / 2, priceH - 8 - vh, bar, vh);
        }
    }

    private void drawCandles(GraphicsContext g, PriceScale price, int first, int last) {
        double body = Math.max(1, slot() * 0.7);
        g.setLineWidth(1);
        for (int i = first; i <= last; i++) {
            Candle c = series.candle(i);
            boolean forming = series.hasForming() && i == series.size() - 1;
            Color color = c.close() >= c.open() ? palette.up() : palette.down();
            double x = Math.floor(xOf(i)) + 0.5;
            double yHigh = price.y(c.highPrice());
            double yLow = price.y(c.lowPrice());
            double yOpen = price.y(c.openPrice());
            double yClose = price.y(c.closePrice());
            g.setStroke(color);
            g.strokeLine(x, yHigh, x, yLow);
            double top = Math.min(yOpen, yClose);
            double bh = Math.max(1, Math.abs(yOpen - yClose));
            if (forming) {
                g.setFill(color.deriveColor(0, 1, 1, 0.35));
                g.fillRect(x - body / 2, top, body, bh);
                g.setLineDashes(3, 2);
                g.strokeRect(x - body / 2, top, body, bh);
                g.setLineDashes((double[]) null);
            } else {
                g.setFill(color);
                g.fillRect(x - body / 2, top, body, bh);
            }
        }
    }

    private void drawLine(GraphicsContext g, PriceScale price, int first, int last, boolean slow, Color color, int period) {
        g.setStroke(color);
        g.setLineWidth(1.5);
        g.beginPath();
        boolean started = false;
        for (int i = Math.max(first, period - 1); i <= last; i++) {
            double v = slow ? series.emaSlow(i) : series.emaFast(i);
            if (Double.isNaN(v)) {
                continue;
            }
            if (started) {
                g.lineTo(xOf(i), price.y(v));
            } else {
                g.moveTo(xOf(i), price.y(v));
                started = true;
            }
        }
        g.stroke();
    }

    private void drawSignals(GraphicsContext g, PriceScale price, int first, int last) {
        double size = Math.max(6, Math.min(10, slot() * 0.8));
        for (Signal s : series.signals()) {
            int i = series.indexOf(s.candleStartMillis());
            if (i < first || i > last) {
                continue;
            }
            Candle c = series.candle(i);
            double x = xOf(i);
            if (s.side() == Side.BUY) {
                double y = price.y(c.lowPrice()) + 6;
                g.setFill(palette.up());
                g.fillPolygon(new double[] {x, x - size, x + size}, new double[] {y, y + size * 1.6, y + size * 1.6}, 3);
            } else {
                double y = price.y(c.highPrice()) - 6;
                g.setFill(palette.down());
                g.fillPolygon(new double[] {x, x - size, x + size}, new double[] {y, y - size * 1.6, y - size * 1.6}, 3);
            }
        }
    }

    private void drawRsi(GraphicsContext g, int first, int last, double top, double height, double w) {
        ChartSeries.Bands b = series.bands();
        PriceScale rsi = new PriceScale(0, 100, top + 2, top + height - 2);
        g.setFill(palette.buyBand());
        g.fillRect(0, rsi.y(b.rsiBuyMax()), plotWidth(), rsi.y(b.rsiBuyMin()) - rsi.y(b.rsiBuyMax()));
        g.setFill(palette.sellBand());
        g.fillRect(0, rsi.y(b.rsiSellMax()), plotWidth(), rsi.y(b.rsiSellMin()) - rsi.y(b.rsiSellMax()));
        g.setStroke(palette.grid());
        g.setLineWidth(1);
        g.strokeRect(0.5, Math.floor(top) + 0.5, plotWidth() - 1, Math.floor(height) - 1);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (double level : new double[] {30, 50, 70}) {
            double y = Math.floor(rsi.y(level)) + 0.5;
            g.setStroke(palette.text().deriveColor(0, 1, 1, 0.45));
            g.setLineDashes(3, 3);
            g.strokeLine(0, y, plotWidth(), y);
            g.setLineDashes((double[]) null);
            g.setFill(palette.text());
            g.fillText(String.valueOf((int) level), plotWidth() + 6, y);
        }
        g.setStroke(palette.rsi());
        g.setLineWidth(1.5);
        g.beginPath();
        boolean started = false;
        for (int i = Math.max(first, b.rsiPeriod()); i <= last; i++) {
            double v = series.rsi(i);
            if (Double.isNaN(v)) {
                continue;
            }
            if (started) {
                g.lineTo(xOf(i), rsi.y(v));
            } else {
                g.moveTo(xOf(i), rsi.y(v));
                started = true;
            }
        }
        g.stroke();
        g.setFill(palette.text());
        g.setTextBaseline(VPos.TOP);
        g.fillText("RSI " + b.rsiPeriod(), 6, top + 4);
    }

    private void drawLastPrice(GraphicsContext g, PriceScale price, double w) {
        Candle c = series.candle(series.size() - 1);
        double y = Math.floor(price.y(c.closePrice())) + 0.5;
        Color color = c.close() >= c.open() ? palette.up() : palette.down();
        g.setStroke(color.deriveColor(0, 1, 1, 0.6));
        g.setLineDashes(2, 3);
        g.strokeLine(0, y, plotWidth(), y);
        g.setLineDashes((double[]) null);
        g.setFill(color);
        g.fillRect(plotWidth() + 2, y - 8, AXIS_WIDTH - 4, 16);
        g.setFill(Color.WHITE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(String.format(Locale.ROOT, "%,.2f", c.closePrice()), plotWidth() + 6, y);
    }
}
