package io.niftyscanner.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.alerts.AlertEvent;
import io.niftyscanner.alerts.AlertService;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import io.niftyscanner.ui.ScannerApp;
import io.niftyscanner.ui.main.MainController;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The in-window notification and the Alerts menu, in the real main window (headless: Monocle). */
@ExtendWith(ApplicationExtension.class)
class WindowAlertsTest {
    private AlertService service;
    private Stage stage;
    private MainController controller;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        controller = new MainController(ConfigLoader.load(Files.createTempDirectory("window-alerts"), Map.of(), Map.of()));
        Scene scene = new Scene(controller.root(), 1100, 700);
        scene.getStylesheets().add(ScannerApp.class.getResource("scanner.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        service = new AlertService(Clock.fixed(Instant.parse("2026-11-23T05:00:02Z"), ZoneOffset.UTC), Duration.ZERO);
    }

    @AfterEach
    void stop(FxRobot robot) {
        service.close();
        robot.interact(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow).forEach(javafx.stage.Window::hide));
    }

    private static Signal signal(String symbol, long token, Side side) {
        long start = Instant.parse("2026-11-23T04:55:00Z").toEpochMilli();
        Candle c = new Candle(token, start, 245_000, 246_000, 244_900, 245_610, 12_000, 40, CandleQuality.COMPLETE);
        return new Signal(token, symbol, side, start + 300_000, c, 245_610, 2450.2, 2449.9, 2449.1, 2449.5, 56.34, 10.0,
                2441.10, 2486.10, false, "EMA9 crossed above EMA21, RSI14 in [50,70]", Map.of());
    }

    @Test
    void aSignalShowsAsANotificationInTheWindow(FxRobot robot) throws Exception {
        robot.interact(() -> WindowAlerts.install(service, stage, controller.root()));
        AlertEvent e = service.onSignal(signal("RELIANCE", 738561, Side.BUY));
        assertThat(e.channels()).containsExactly("window");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> titles(robot).contains("BUY RELIANCE at 2456.10"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".notification-bar .alert-buy").tryQuery().isPresent());
        Node arrow = robot.lookup(".notification-bar .alert-buy").query();
        assertThat(((Label) arrow).getText()).isEqualTo("▲");
        Label title = robot.lookup(".notification-bar .title").queryAs(Label.class);
        // the popup's CSS pass may come a pulse after its nodes are found
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ((javafx.scene.paint.Color) ((Label) arrow).getTextFill()).getGreen() > 0
                && ((javafx.scene.paint.Color) title.getTextFill()).getBrightness() > 0.8);
        javafx.scene.paint.Color text = (javafx.scene.paint.Color) title.getTextFill();
        assertThat(text.getBrightness()).as("the dark theme's light text (%s), readable on its dark panel", text)
                .isGreaterThan(0.8);
        assertThat(((javafx.scene.paint.Color) ((Label) arrow).getTextFill()).getGreen()).as("a green BUY arrow")
                .isGreaterThan(((javafx.scene.paint.Color) ((Label) arrow).getTextFill()).getRed());
        assertThat(labels(robot)).contains("EMA9 crossed above EMA21, RSI14 in [50,70]\nRSI 56.3 · stop 2441.10 · target 2486.10\ncandle 10:25 IST");
    }

    /** The text of every label in the notifications on screen. */
    private static java.util.List<String> labels(FxRobot robot) {
        return robot.lookup(".notification-bar .label").queryAll().stream().filter(n -> n instanceof Label)
                .map(n -> ((Label) n).getText()).toList();
    }

    private static java.util.List<String> titles(FxRobot robot) {
        return robot.lookup(".notification-bar .title").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void theAlertsMenuMutesAllOrOneChannel(FxRobot robot) {
        robot.interact(() -> WindowAlerts.install(service, stage, controller.root()));
        robot.clickOn("Alerts").clickOn("#mute-window");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(service.isMuted("window")).isTrue();
        AlertEvent muted = service.onSignal(signal("INFY", 408065, Side.SELL));
        assertThat(muted.channels()).isEmpty();
        assertThat(muted.muted()).containsExactly("window");

        robot.clickOn("Alerts").clickOn("#mute-window");
        robot.clickOn("Alerts").clickOn("#mute-all");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(service.isMuted("window")).isFalse();
        assertThat(service.isMuted(AlertService.ALL)).isTrue();
    }

    @Test
    void whatTheServiceSaidBeforeTheWindowOpenedIsShownInIt(FxRobot robot) throws Exception {
        service.addChannel(new io.niftyscanner.alerts.AlertChannel() {
            @Override
            public String name() {
                return "sound";
            }

            @Override
            public String unavailableReason() {
                return "no audio output device: alerts make no sound";
            }

            @Override
            public io.niftyscanner.alerts.Delivery deliver(io.niftyscanner.alerts.Alert alert) {
                return io.niftyscanner.alerts.Delivery.OK;
            }
        });
        robot.interact(() -> WindowAlerts.install(service, stage, controller.root()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> labels(robot).contains("no audio output device: alerts make no sound"));
        assertThat(titles(robot)).contains("Alerts");
    }
}
