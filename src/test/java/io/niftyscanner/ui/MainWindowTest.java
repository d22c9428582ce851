package io.niftyscanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.app.ScannerRuntime;
import io.niftyscanner.app.WatchRow;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.sandbox.SandboxOptions;
import io.niftyscanner.ui.main.MainController;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
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

/** The main window on a real scanner runtime against the embedded sandbox (headless: Monocle). */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path dir;

    private ScannerRuntime runtime;
    private MainController controller;

    @Start
    void start(Stage stage) throws Exception {
        List<Instrument> instruments = List.of(Instrument.nseEquity("RELIANCE", 738561), Instrument.nseEquity("INFY", 408065),
                Instrument.nseEquity("TCS", 2953217));
        Path work = Files.createTempDirectory(dir, "ui");
        InstrumentTokensFile.save(work.resolve("instrument_tokens.json"), instruments, OffsetDateTime.now());
        Files.createDirectories(work.resolve("config"));
        Files.writeString(work.resolve("config/nifty50.txt"), "RELIANCE\nINFY\nTCS\nNOSUCHCO\n");
        ScannerConfig config = ConfigLoader.load(work, Map.of(), Map.of("poll.interval.seconds", "1", "ui.refresh.millis", "200"));
        runtime = ScannerRuntime.start(config, new ScannerRuntime.Options(DataMode.STREAM, 0, false,
                SandboxOptions.defaults().withSpeed(30).withStart(LocalDate.of(2026, 11, 23), LocalTime.of(9, 15))), null);
        controller = new MainController(DataMode.STREAM, 200);
        Scene scene = new Scene(controller.view().root(), 1100, 700);
        scene.getStylesheets().add(ScannerApp.class.getResource("scanner.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        controller.attach(runtime);
    }

    @AfterEach
    void stop() {
        controller.detach();
        runtime.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsTheSandboxLiveRowsAndSwitchesModeFromTheSidebar(FxRobot robot) throws Exception {
        Label exchange = robot.lookup("#exchangeLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> exchange.getText().contains("SANDBOX"));
        TableView<WatchRow> watch = robot.lookup("#watchlist").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> watch.getItems().size() == 3
                && watch.getItems().stream().allMatch(r -> r.lastPrice() > 0));
        Label state = robot.lookup("#statusState").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> state.getText().equals("LIVE"));
        assertThat(watch.getItems()).extracting(WatchRow::symbol).containsExactly("RELIANCE", "INFY", "TCS");

        robot.clickOn("#modePoll");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> state.getText().equals("POLLING"));
        Label detail = robot.lookup("#statusDetail").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> detail.getText().contains("last cycle") && !detail.getText().contains("pending"));
        assertThat(runtime.supervisor().status().activeFeed()).isEqualTo("poll");

        robot.clickOn("#modeStream");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> state.getText().equals("LIVE"));
        assertThat(runtime.supervisor().switches()).isEqualTo(2);
        Label footer = robot.lookup("#footer").queryAs(Label.class);
        assertThat(footer.getText()).contains("Market time").contains("ticks");
    }

    @Test
    void fileMenuFetchesTheInstrumentTokensAndReportsWhatItFound(FxRobot robot) throws Exception {
        robot.clickOn("File").clickOn("Fetch instrument tokens");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#fetchReport").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup("#fetchReport").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(pane.getContentText()).contains("Found 3 of 4 NIFTY 50 instruments").contains("NOSUCHCO")
                .contains("Saved to:");
    }
}
