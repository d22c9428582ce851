package io.niftyscanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.orders.LiveGate;
import io.niftyscanner.sandbox.SandboxExchange;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
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

/**
 * The auto-trade switch on a Kite-compatible server that is not a sandbox (a sandbox under other credentials), with
 * orders.live on: Live only through the confirmation dialog, and Cancel leaves paper on.
 */
@ExtendWith(ApplicationExtension.class)
class TradingWindowTest {
    @TempDir
    static Path dir;

    private SandboxExchange exchange;
    private UiRig rig;

    @Start
    void start(Stage stage) throws Exception {
        exchange = SandboxExchange.start(UiRig.market(30, LocalTime.of(10, 0)).withInstruments(UiRig.INSTRUMENTS)
                .withCredentials("kitetestkey", "kitetesttoken", "kitetestsecret"));
        Map<String, String> env = Map.of("ZERODHA_API_KEY", "kitetestkey", "ZERODHA_API_SECRET", "kitetestsecret",
                "ZERODHA_ACCESS_TOKEN", "kitetesttoken", "KITE_REST_URL", exchange.restUrl(), "KITE_WS_URL", exchange.wsUrl());
        rig = new UiRig(dir, stage, null, false, Map.of("orders.live", "true"), env);
    }

    @AfterEach
    void stop() {
        rig.close();
        exchange.close();
    }

    @Test
    void theLiveConfirmationAppearsBeforeLiveTradingAndCancelLeavesPaperOn(FxRobot robot) throws Exception {
        Label state = robot.lookup("#statusState").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> state.getText().equals("LIVE"));
        RadioButton paper = robot.lookup("#tradePaper").queryAs(RadioButton.class);
        assertThat(paper.getText()).as("real Kite (not a sandbox): paper").isEqualTo("Paper");

        robot.clickOn(paper);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rig.runtime.trading().view().autoTrade());
        assertThat(rig.runtime.trading().mode()).isEqualTo(LiveGate.Mode.PAPER);

        robot.clickOn("#tradeLive");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#liveConfirm").tryQuery().isPresent());
        assertThat(robot.lookup("#liveText").queryAs(Label.class).getText())
                .as("which account (the sandbox's profile), what will happen, which limits")
                .startsWith("Account: SB0001 (").contains("LIVE TRADING with real money")
                .contains("at most " + rig.config.orders().maxOrdersPerDay() + " entries today")
                .contains("Type your Kite user id to confirm");
        assertThat(rig.runtime.trading().mode()).as("nothing is live before the confirmation").isEqualTo(LiveGate.Mode.PAPER);

        TextField id = robot.lookup("#liveUserId").queryAs(TextField.class);
        robot.interact(() -> id.setText("ZZ0000"));
        robot.clickOn("#liveGo");
        Label message = robot.lookup("#liveMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !message.getText().isEmpty() && !message.getText().startsWith("Checking"));
        assertThat(rig.runtime.trading().mode()).as("a wrong user id confirms nothing").isEqualTo(LiveGate.Mode.PAPER);

        robot.clickOn("#liveCancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#liveConfirm").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rig.runtime.trading().mode()).isEqualTo(LiveGate.Mode.PAPER);
        assertThat(paper.isSelected()).as("the switch is back on paper").isTrue();
        long refreshes = rig.controller.model().tableRefreshes().get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rig.controller.model().tableRefreshes().get() > refreshes + 1);
        assertThat(rig.runtime.trading().view().mode()).isEqualTo("PAPER");
        assertThat(robot.lookup("#tradeWhere").queryAs(Label.class).getText()).contains("paper");
        assertThat(robot.lookup("#breakerState").queryAs(Label.class).getText()).startsWith("Breaker OK");
    }
}
