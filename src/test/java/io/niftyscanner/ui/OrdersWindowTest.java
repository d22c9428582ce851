package io.niftyscanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.orders.TradingView;
import io.niftyscanner.ui.signals.SignalItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
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

/** Auto-trade on the sandbox: orders reach the orders pane, the signal shows its order's status, Export writes CSV. */
@ExtendWith(ApplicationExtension.class)
class OrdersWindowTest {
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
    void sandboxOrdersShowInTheOrdersPaneAndBesideTheirSignalAndExportAsCsv(FxRobot robot) throws Exception {
        RadioButton sandbox = robot.lookup("#tradePaper").queryAs(RadioButton.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> sandbox.getText().equals("Sandbox") && !sandbox.isDisabled());
        robot.clickOn(sandbox);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rig.runtime.trading().view().autoTrade());

        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !rig.runtime.trading().view().orders().isEmpty());
        TradingView.OrderRow first = rig.runtime.trading().view().orders().get(0);
        javafx.scene.control.TabPane tabs = robot.lookup("#bottomTabs").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        Label summary = robot.lookup("#ordersSummary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> summary.getText().startsWith("SANDBOX"));
        TableView<?> positions = robot.lookup("#positions").queryAs(TableView.class);
        TableView<?> open = robot.lookup("#openOrders").queryAs(TableView.class);
        TableView<?> fills = robot.lookup("#fills").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !positions.getItems().isEmpty() || !open.getItems().isEmpty()
                || !fills.getItems().isEmpty());

        TableView<SignalItem> signals = robot.lookup("#signals").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> signals.getItems().stream()
                .anyMatch(i -> !i.orderStatus().get().isEmpty()));
        SignalItem traded = signals.getItems().stream().filter(i -> !i.orderStatus().get().isEmpty()).findFirst().orElseThrow();
        assertThat(rig.runtime.trading().view().orders()).anyMatch(o -> o.symbol().equals(traded.signal().symbol()));

        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem exportOrders = bar.getMenus().get(0).getItems().stream()
                .filter(i -> i instanceof javafx.scene.control.Menu).flatMap(m -> ((javafx.scene.control.Menu) m).getItems().stream())
                .filter(i -> "exportOrders".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(exportOrders::fire); // a submenu under Monocle opens unreliably; the item's action is what counts
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#exportDialog").tryQuery().isPresent());
        TextField file = robot.lookup("#exportFile").queryAs(TextField.class);
        Path out = rig.work.resolve("exports/orders-test.csv");
        robot.interact(() -> file.setText(out.toString()));
        robot.clickOn("#exportRun");
        Label message = robot.lookup("#exportMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().startsWith("Exported"));
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.size()).as("header and at least the first order").isGreaterThanOrEqualTo(2);
        assertThat(String.join("\n", lines)).contains(first.symbol());
        assertThat(message.getText()).startsWith("Exported " + (lines.size() - 1) + " orders to ");
    }
}
