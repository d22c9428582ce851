package io.niftyscanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.DotEnv;
import io.niftyscanner.sandbox.SandboxExchange;
import io.niftyscanner.sandbox.SandboxOptions;
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

/**
 * File &gt; Log in to Kite against a Kite-compatible server (a standalone sandbox with its login pages): the token
 * lands in .env and the window says who logged in.
 */
@ExtendWith(ApplicationExtension.class)
class LoginFromWindowTest {
    @TempDir
    static Path dir;

    private SandboxExchange exchange;
    private UiRig rig;

    @Start
    void start(Stage stage) throws Exception {
        int loginPort = UiRig.freePort();
        exchange = SandboxExchange.start(UiRig.market(30, LocalTime.of(9, 15)).withInstruments(UiRig.INSTRUMENTS)
                .withRedirectUrl("http://127.0.0.1:" + loginPort + "/"));
        Map<String, String> env = Map.of("ZERODHA_API_KEY", exchange.apiKey(), "ZERODHA_API_SECRET", exchange.apiSecret(),
                "ZERODHA_ACCESS_TOKEN", exchange.accessToken(), "KITE_REST_URL", exchange.restUrl(), "KITE_WS_URL", exchange.wsUrl());
        rig = new UiRig(dir, stage, null, false, Map.of(), env, loginPort);
        rig.browser = LoginWindowTest::approve;
    }

    @AfterEach
    void stop() {
        rig.close();
        exchange.close();
    }

    @Test
    void logInToKiteFromTheWindowStoresTheTokenAndSaysWhoLoggedIn(FxRobot robot) throws Exception {
        Label state = robot.lookup("#statusState").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> state.getText().equals("LIVE"));
        assertThat(robot.lookup("#sandboxBadge").query().isVisible()).as("a Kite-compatible server, not the embedded sandbox").isFalse();

        robot.clickOn("File").clickOn("Log in to Kite…");

        Label banner = robot.lookup("#bannerMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> banner.getText().startsWith("Logged in as"));
        assertThat(banner.getText()).contains("token valid until").endsWith("Restart the app to use it.");
        String token = DotEnv.read(rig.work.resolve(".env")).get("ZERODHA_ACCESS_TOKEN");
        assertThat(token).isNotBlank().isNotEqualTo(exchange.accessToken());
        assertThat(robot.lookup("#loginDialog").tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false)).isFalse();
    }
}
