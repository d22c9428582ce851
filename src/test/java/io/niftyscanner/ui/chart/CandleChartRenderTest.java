package io.niftyscanner.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.app.ChartSeries;
import io.niftyscanner.app.ChartSeriesFixtures;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What the chart draws, counted in pixels of the palette's colours (headless, software pipeline). */
@ExtendWith(ApplicationExtension.class)
class CandleChartRenderTest {
    private static final long TOKEN = 738561;
    private static final long T0 = 1_795_000_000_000L;
    private CandleChart chart;

    @Start
    void start(Stage stage) {
        chart = new CandleChart();
        stage.setScene(new Scene(chart, 800, 500));
        stage.show();
    }

    private static ChartSeries series(CandleQuality qualityOfTenth, boolean withSignal) {
        List<Candle> closed = new ArrayList<>();
        int n = 40;
        double[] f = new double[n + 1];
        double[] s = new double[n + 1];
        double[] r = new double[n + 1];
        for (int i = 0; i < n; i++) {
            long o = 100_000 + (i % 2 == 0 ? 0 : 400);
            long c = 100_000 + (i % 2 == 0 ? 400 : 0);
            closed.add(new Candle(TOKEN, T0 + i * 300_000L, o, o + 600, c - 600 < o - 600 ? c - 600 : o - 600, c, 1000 + i * 10, 10,
                    i == 10 ? qualityOfTenth : CandleQuality.COMPLETE));
        }
        Candle forming = new Candle(TOKEN, T0 + n * 300_000L, 100_000, 100_500, 99_800, 100_300, 500, 3, CandleQuality.COMPLETE);
        for (int i = 0; i <= n; i++) {
            f[i] = 1001 + Math.sin(i / 3.0);
            s[i] = 1000 + Math.cos(i / 5.0);
            r[i] = 50 + 15 * Math.sin(i / 4.0);
        }
        List<Signal> signals = withSignal ? List.of(new Signal(TOKEN, "RELIANCE", Side.BUY, T0 + 21 * 300_000L, closed.get(20), 100_400,
                1, 1, 1, 1, 55, 1, 1, 1, false, "rule", Map.of())) : List.of();
        return ChartSeriesFixtures.of("RELIANCE", closed, forming, f, s, r, signals);
    }

    private int count(FxRobot robot, Color color) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> chart.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        PixelReader pr = img.getPixelReader();
        if (System.getProperty("chart.png") != null) {
            java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage((int) img.getWidth(), (int) img.getHeight(),
                    java.awt.image.BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < bi.getHeight(); y++) {
                for (int x = 0; x < bi.getWidth(); x++) {
                    bi.setRGB(x, y, pr.getArgb(x, y));
                }
            }
            javax.imageio.ImageIO.write(bi, "png", new java.io.File("target/chart-" + color + ".png"));
        }
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                Color c = pr.getColor(x, y);
                if (Math.abs(c.getRed() - color.getRed()) < 0.02 && Math.abs(c.getGreen() - color.getGreen()) < 0.02
                        && Math.abs(c.getBlue() - color.getBlue()) < 0.02) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void drawsCandlesBothEmasRsiAndMarksGappedAndRepairedCandles(FxRobot robot) throws Exception {
        ChartPalette p = ChartPalette.DARK;
        robot.interact(() -> chart.setSeries(series(CandleQuality.COMPLETE, false)));
        int upPlain = count(robot, p.up());
        int gappedPlain = count(robot, p.gapped());
        int repairedPlain = count(robot, p.repaired());
        assertThat(upPlain).as("green candles").isGreaterThan(500);
        assertThat(count(robot, p.down())).as("red candles").isGreaterThan(500);
        assertThat(count(robot, p.emaFast())).as("EMA fast line").isGreaterThan(40);
        assertThat(count(robot, p.emaSlow())).as("EMA slow line").isGreaterThan(40);
        assertThat(count(robot, p.rsi())).as("RSI line").isGreaterThan(40);

        robot.interact(() -> chart.setSeries(series(CandleQuality.GAPPED, false)));
        assertThat(count(robot, p.gapped())).as("a gapped candle is marked").isGreaterThan(gappedPlain + 20);
        robot.interact(() -> chart.setSeries(series(CandleQuality.REPAIRED, false)));
        assertThat(count(robot, p.repaired())).as("a repaired candle is marked").isGreaterThan(repairedPlain + 20);

        robot.interact(() -> chart.setSeries(series(CandleQuality.COMPLETE, true)));
        assertThat(count(robot, p.up())).as("a BUY marker below its candle").isGreaterThan(upPlain + 30);
    }

    @Test
    void redrawsOncePerPulseHoweverManyUpdatesArrive(FxRobot robot) {
        ChartSeries a = series(CandleQuality.COMPLETE, false);
        WaitForAsyncUtils.waitForFxEvents();
        long before = chart.redraws();
        robot.interact(() -> {
            for (int i = 0; i < 50; i++) {
                chart.setSeries(a);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.redraws() - before).isBetween(1L, 2L);
    }
}
