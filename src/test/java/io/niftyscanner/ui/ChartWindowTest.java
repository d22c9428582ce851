package io.niftyscanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.app.ChartSeries;
import io.niftyscanner.market.Candle;
import io.niftyscanner.ui.chart.ChartModel;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Selecting a symbol shows its chart: the warm-up history, today's candles and the forming one, live. */
@ExtendWith(ApplicationExtension.class)
class ChartWindowTest {
    @TempDir
    static Path dir;

    private UiRig rig;

    @Start
    void start(Stage stage) throws Exception {
        rig = new UiRig(dir, stage, UiRig.market(1, LocalTime.of(10, 2)), true, Map.of());
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void selectingASymbolShowsItsChartWithTheRightNumberOfCandles(FxRobot robot) throws Exception {
        ChartModel chart = rig.controller.chart().model();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("INFY").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> rig.runtime.engine().snapshot().view(408065).recentCandles().size() == 200);
        robot.clickOn("INFY");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.series().get() != null && chart.series().get().hasForming());

        ChartSeries s = chart.series().get();
        assertThat(s.symbol()).isEqualTo("INFY");
        assertThat(robot.lookup("#chartTitle").queryAs(Label.class).getText()).isEqualTo("INFY");
        // Monday 23 Nov 2026 at 10:02: five earlier sessions (16-20 Nov) of 75 candles, 09:15-09:55 today, and 10:00 forming
        assertThat(s.closedCount()).isEqualTo(5 * 75 + 9);
        assertThat(s.size()).isEqualTo(5 * 75 + 9 + 1);
        assertThat(s.candle(0).start().toString()).isEqualTo("2026-11-16T03:45:00Z");
        assertThat(s.candle(s.size() - 1).start().toString()).isEqualTo("2026-11-23T04:30:00Z");
        for (int i = 1; i < s.closedCount(); i++) {
            assertThat(s.candle(i).startMillis()).isGreaterThan(s.candle(i - 1).startMillis());
        }

        Candle forming = s.forming();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> chart.series().get().forming() != forming
                && !chart.series().get().forming().equals(forming));
        assertThat(chart.series().get().forming().startMillis()).as("the same candle, updated live").isEqualTo(forming.startMillis());
    }
}
