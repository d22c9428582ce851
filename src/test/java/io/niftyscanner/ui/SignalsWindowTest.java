package io.niftyscanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.Signal;
import io.niftyscanner.ui.signals.SignalItem;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Signals made by the sandbox's market reach the table, and the "why" view shows what the engine computed. */
@ExtendWith(ApplicationExtension.class)
class SignalsWindowTest {
    @TempDir
    static Path dir;

    private UiRig rig;

    @Start
    void start(Stage stage) throws Exception {
        rig = new UiRig(dir, stage, UiRig.market(300, LocalTime.of(9, 15)), true, Map.of());
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSandboxSignalAppearsInTheTableAndItsWhyViewShowsTheEnginesValues(FxRobot robot) throws Exception {
        TableView<SignalItem> table = robot.lookup("#signals").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        SignalItem shown = table.getItems().get(table.getItems().size() - 1);
        Signal engine = rig.engineSignals.stream().filter(s -> s.key().equals(shown.signal().key())).findFirst().orElseThrow();

        robot.interact(() -> table.getSelectionModel().select(shown));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#whyRsi").tryQuery().isPresent());

        String title = robot.lookup("#whyTitle").queryAs(Label.class).getText();
        assertThat(title).isEqualTo(engine.side() + " " + engine.symbol() + " at " + String.format(Locale.ROOT, "%,.2f", engine.priceRupees()));
        assertThat(text(robot, "#whyEma")).contains(two(engine.emaFastPrev()), two(engine.emaSlowPrev()), two(engine.emaFast()),
                two(engine.emaSlow())).startsWith("✔");
        assertThat(text(robot, "#whyRsi")).startsWith("✔ " + two(engine.rsi()) + " in [");
        assertThat(text(robot, "#whyCandle")).contains("C " + String.format(Locale.ROOT, "%,.2f", engine.candle().closePrice()));
        assertThat(text(robot, "#whyRule")).isEqualTo(engine.rule());
        assertThat(rig.controller.model().selectedSymbol().get()).isEqualTo(engine.symbol());
    }

    private static String two(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
