package io.niftyscanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Settings edits config/scanner.properties with the start's validation and saves it atomically. */
@ExtendWith(ApplicationExtension.class)
class SettingsWindowTest {
    @TempDir
    static Path dir;

    private UiRig rig;

    @Start
    void start(Stage stage) throws Exception {
        rig = new UiRig(dir, stage, UiRig.market(1, LocalTime.of(10, 0)), false, Map.of());
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void settingsRejectsABadValueWithTheValidationMessageAndSavesAGoodOne(FxRobot robot) throws Exception {
        Path file = rig.work.resolve("config/scanner.properties");
        String before = Files.readString(file);
        robot.clickOn("Settings").clickOn("Edit settings…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#setting-poll-interval-seconds").tryQuery().isPresent());
        TextField poll = robot.lookup("#setting-poll-interval-seconds").queryAs(TextField.class);
        assertThat(poll.getText()).isEqualTo("60");

        robot.interact(() -> poll.setText("0"));
        robot.clickOn("#settingsSave");
        Label message = robot.lookup("#settingsMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().contains("is not valid"));
        assertThat(message.getText()).isEqualTo("config/scanner.properties: poll.interval.seconds = '0' is not valid;"
                + " allowed: a whole number from 1 to 3600. Nothing was saved.");
        assertThat(Files.readString(file)).isEqualTo(before);

        robot.interact(() -> poll.setText("30"));
        robot.clickOn("#settingsSave");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settingsSaved").tryQuery().isPresent());
        assertThat(Files.readString(file)).isEqualTo(before.replace("poll.interval.seconds = 60", "poll.interval.seconds = 30"));
        assertThat(robot.lookup("#settingsSaved").queryAs(javafx.scene.control.DialogPane.class).getContentText())
                .contains("take effect when the scanner restarts");
    }
}
