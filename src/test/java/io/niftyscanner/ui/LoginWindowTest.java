package io.niftyscanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.DotEnv;
import io.niftyscanner.sandbox.FaultKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Button;
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

/** An expired token prompts for a login, and the login runs from the window (against the sandbox's login pages). */
@ExtendWith(ApplicationExtension.class)
class LoginWindowTest {
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
    void anExpiredTokenShowsTheLoginPrompt(FxRobot robot) throws Exception {
        Label state = robot.lookup("#statusState").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> state.getText().equals("LIVE"));

        rig.runtime.sandbox().fault(FaultKind.EXPIRE_TOKEN, Duration.ZERO);
        rig.runtime.sandbox().fault(FaultKind.DROP, Duration.ZERO);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> state.getText().equals("Login needed"));
        Label message = robot.lookup("#bannerMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().contains("Kite refused the access token"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#banner").query().isVisible()).isTrue();
        Button action = robot.lookup("#bannerAction").queryAs(Button.class);
        assertThat(action.getText()).isEqualTo("Log in to Kite");

        robot.interact(action::fire); // not a mouse click: another test's notification may still cover the window's top right
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#loginInfo").tryQuery().isPresent());
        assertThat(robot.lookup("#loginInfo").queryAs(javafx.scene.control.DialogPane.class).getContentText())
                .contains("embedded sandbox exchange");
    }

    /** A browser that clicks Approve on the (sandbox's) login page and follows the redirect to the app's callback. */
    static boolean approve(String loginUrl) {
        Thread t = new Thread(() -> {
            try {
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
                String page = http.send(HttpRequest.newBuilder(URI.create(loginUrl)).build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = Pattern.compile("id=\"approve\" href=\"([^\"]+)\"").matcher(page);
                if (m.find()) {
                    URI approve = URI.create(loginUrl).resolve(m.group(1).replace("&amp;", "&"));
                    http.send(HttpRequest.newBuilder(approve).build(), HttpResponse.BodyHandlers.ofString());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "test-browser");
        t.setDaemon(true);
        t.start();
        return true;
    }
}
