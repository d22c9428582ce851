package io.niftyscanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.ui.watchlist.WatchItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
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

    private UiRig rig;

    @Start
    void start(Stage stage) throws Exception {
        rig = new UiRig(dir, stage, UiRig.market(30, LocalTime.of(9, 15)), false, Map.of());
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theModeSwitchSwitchesTheFeedAndReconnectReconnects(FxRobot robot) throws Exception {
        Label exchange = robot.lookup("#exchangeLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> exchange.getText().contains("SANDBOX"));
        TableView<WatchItem> watch = robot.lookup("#watchlist").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> watch.getItems().size() == 3
                && watch.getItems().stream().allMatch(r -> r.lastPrice() > 0));
        Label state = robot.lookup("#statusState").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> state.getText().equals("LIVE"));
        assertThat(watch.getItems()).extracting(WatchItem::symbol).containsExactly("RELIANCE", "INFY", "TCS");
        assertThat(robot.lookup("#sandboxBadge").queryAs(Label.class).isVisible()).isTrue();

        robot.clickOn("#modePoll");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> state.getText().equals("Polling"));
        Label detail = robot.lookup("#statusDetail").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> detail.getText().contains("last cycle") && !detail.getText().contains("pending"));
        assertThat(rig.runtime.supervisor().status().activeFeed()).isEqualTo("poll");

        robot.clickOn("#modeStream");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> state.getText().equals("LIVE"));
        assertThat(rig.runtime.supervisor().switches()).isEqualTo(2);

        long socketsBefore = websocketsOpened();
        robot.clickOn("#reconnect");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> websocketsOpened() > socketsBefore);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> state.getText().equals("LIVE"));
        assertThat(rig.runtime.supervisor().switches()).as("a reconnect is not a mode switch").isEqualTo(2);
        assertThat(robot.lookup("#statusMarketTime").queryAs(Label.class).getText()).startsWith("Market time 09:");

        javafx.scene.control.CheckBox sound = robot.lookup("#alertSound").queryAs(javafx.scene.control.CheckBox.class);
        assertThat(rig.runtime.alerts().channels()).contains("sound");
        assertThat(sound.isSelected()).isTrue();
        robot.clickOn(sound);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> rig.runtime.alerts().isMuted("sound"));
        robot.clickOn(sound);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !rig.runtime.alerts().isMuted("sound"));
    }

    @SuppressWarnings("unchecked")
    private long websocketsOpened() {
        Map<String, Object> ws = (Map<String, Object>) rig.runtime.sandbox().statsJson().get("websocket");
        return ((Number) ws.get("total")).longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void sortAndSelectionSurviveTenRefreshes(FxRobot robot) throws Exception {
        TableView<WatchItem> watch = robot.lookup("#watchlist").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> watch.getItems().size() == 3
                && watch.getItems().stream().allMatch(r -> r.lastPrice() > 0));
        TableColumn<WatchItem, ?> ltp = watch.getColumns().stream().filter(c -> c.getText().equals("LTP")).findFirst().orElseThrow();
        robot.clickOn(ltp.getText()).clickOn(ltp.getText());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(watch.getSortOrder()).containsExactly(ltp);
        assertThat(ltp.getSortType()).isEqualTo(TableColumn.SortType.DESCENDING);
        robot.clickOn("INFY");
        WaitForAsyncUtils.waitForFxEvents();
        WatchItem infy = watch.getSelectionModel().getSelectedItem();
        assertThat(infy.symbol()).isEqualTo("INFY");

        List<Double> pricesBefore = prices(watch);
        long start = rig.controller.model().tableRefreshes().get();
        for (int i = 1; i <= 10; i++) {
            long target = start + i;
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rig.controller.model().tableRefreshes().get() >= target);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(watch.getSelectionModel().getSelectedItem()).as("selection after refresh %d", i).isSameAs(infy);
            assertThat(watch.getSortOrder()).containsExactly(ltp);
            List<Double> shown = prices(watch);
            List<Double> sortedDescending = new ArrayList<>(shown);
            sortedDescending.sort((a, b) -> Double.compare(b, a));
            assertThat(shown).as("rows in LTP order after refresh %d", i).isEqualTo(sortedDescending);
        }
        assertThat(prices(watch)).as("prices moved during the ten refreshes").isNotEqualTo(pricesBefore);
        assertThat(watch.getSelectionModel().getSelectedItems()).containsExactly(infy);
        assertThat(rig.controller.model().selectedSymbol().get()).isEqualTo("INFY");
    }

    private static List<Double> prices(TableView<WatchItem> watch) {
        List<Double> out = new ArrayList<>();
        for (WatchItem item : watch.getItems()) {
            out.add(item.lastPrice());
        }
        return out;
    }

    @Test
    void theFetchTokensMenuActionWritesTheFileAndShowsTheReport(FxRobot robot) throws Exception {
        Path file = rig.config.paths().instruments();
        String before = Files.readString(file);
        robot.clickOn("File").clickOn("Fetch instrument tokens");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#fetchReport").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#fetchReport").queryAs(DialogPane.class);
        assertThat(pane.getContentText()).contains("Found 3 of 4 NIFTY 50 instruments").contains("NOSUCHCO")
                .contains("Saved to:");
        String after = Files.readString(file);
        assertThat(after).isNotEqualTo(before);
        List<Instrument> written = InstrumentTokensFile.load(file);
        assertThat(written).extracting(Instrument::symbol).containsExactlyInAnyOrder("RELIANCE", "INFY", "TCS");
        assertThat(written).extracting(Instrument::token).contains(738561L, 408065L, 2953217L);
        assertThat(robot.lookup("#fetchProgress").tryQuery()).isEmpty();
    }
}
