package io.niftyscanner.ui.sidebar;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.feed.FeedState;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/** Binds the sidebar's model and forwards clicks to its controller. */
final class SidebarView {
    private static final double STATUS_DETAIL_HEIGHT = 104;
    private final VBox root;
    private final VBox extras = new VBox(10);

    SidebarView(SidebarModel model, SidebarController controller) {
        Label title = new Label("NIFTY Scanner");
        title.getStyleClass().add("title");

        Label exchange = new Label();
        exchange.setId("exchangeLabel");
        exchange.setWrapText(true);
        exchange.textProperty().bind(model.exchangeLabel);
        exchange.getStyleClass().add("exchange");
        model.sandbox.addListener((o, was, is) -> exchange.getStyleClass().setAll(is ? "exchange-sandbox" : "exchange"));
        exchange.visibleProperty().bind(model.exchangeLabel.isNotEmpty());

        Label badge = new Label("SANDBOX");
        badge.setId("sandboxBadge");
        badge.getStyleClass().add("sandbox-badge");
        badge.setTooltip(new Tooltip("Simulated market on this computer: no real orders, no real money"));
        badge.visibleProperty().bind(model.sandbox);
        badge.managedProperty().bind(model.sandbox);

        Label modeTitle = section("DATA MODE");
        ToggleGroup group = new ToggleGroup();
        RadioButton stream = modeButton(DataMode.STREAM, "modeStream", group, model, controller);
        RadioButton poll = modeButton(DataMode.POLL, "modePoll", group, model, controller);
        RadioButton hybrid = modeButton(DataMode.HYBRID, "modeHybrid", group, model, controller);
        poll.textProperty().bind(Bindings.createStringBinding(
                () -> SidebarController.modeLabel(DataMode.POLL, model.pollIntervalSeconds.get()), model.pollIntervalSeconds));
        selectMode(group, model.mode.get());
        model.mode.addListener((o, was, is) -> selectMode(group, is));

        Label statusTitle = section("STATUS");
        Circle dot = new Circle(6);
        dot.setId("liveDot");
        dot.getStyleClass().add("status-dot");
        model.state.addListener((o, was, is) -> dot.getStyleClass().setAll("status-dot", "status-" + is.name().toLowerCase(Locale.ROOT)));
        model.beat.addListener((o, was, is) -> dot.setOpacity(is ? 0.55 : 1.0));
        model.state.addListener((o, was, is) -> dot.setOpacity(1.0));
        Label state = new Label();
        state.setId("statusState");
        state.textProperty().bind(model.stateTitle);
        state.getStyleClass().add("status-state");
        model.state.addListener((o, was, is) -> state.getStyleClass().setAll("label", "status-state",
                is == FeedState.LIVE ? "status-state-live" : "status-state-other"));
        HBox stateLine = new HBox(8, dot, state);
        stateLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label detail = new Label();
        detail.setId("statusDetail");
        detail.setWrapText(true);
        detail.textProperty().bind(model.stateDetail);
        detail.getStyleClass().add("status-detail");
        // six lines whatever the text: the switches and buttons below must not move under the trader's mouse
        detail.setMinHeight(STATUS_DETAIL_HEIGHT);
        detail.setPrefHeight(STATUS_DETAIL_HEIGHT);
        detail.setMaxHeight(STATUS_DETAIL_HEIGHT);
        detail.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        detail.setTooltip(new Tooltip());
        detail.getTooltip().textProperty().bind(model.stateDetail);

        Button reconnect = new Button("Reconnect");
        reconnect.setId("reconnect");
        reconnect.setMaxWidth(Double.MAX_VALUE);
        reconnect.setTooltip(new Tooltip("Drop the connection and connect again now (F5)"));
        reconnect.disableProperty().bind(model.connected.not());
        reconnect.setOnAction(e -> controller.onReconnect());

        Label alertsTitle = section("ALERTS");
        CheckBox sound = alertSwitch("Sound", "alertSound", model.soundAvailable, model.soundOn, controller::onSoundChosen,
                "alerts.sound");
        CheckBox notifications = alertSwitch("Notifications", "alertNotifications", model.notificationsAvailable,
                model.notificationsOn, controller::onNotificationsChosen, "alerts.notification");

        Region spring = new Region();
        VBox.setVgrow(spring, Priority.ALWAYS);
        root = new VBox(10, title, badge, exchange, modeTitle, stream, poll, hybrid, statusTitle, stateLine, detail, reconnect,
                extras, alertsTitle, sound, notifications, spring);
        root.setPadding(new Insets(14));
        root.setPrefWidth(262);
        root.setMinWidth(200);
        root.getStyleClass().add("sidebar");
    }

    Parent root() {
        return root;
    }

    /** Where further sidebar sections (trading, alerts) are added. */
    VBox extras() {
        return extras;
    }

    /** A switch the trader flips (onAction), which the model only mirrors: no echo back into the handler. */
    private static CheckBox alertSwitch(String text, String id, javafx.beans.property.BooleanProperty available,
                                        javafx.beans.property.BooleanProperty on, java.util.function.Consumer<Boolean> chosen,
                                        String key) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setSelected(on.get());
        on.addListener((o, was, is) -> box.setSelected(is));
        box.disableProperty().bind(available.not());
        box.setOnAction(e -> chosen.accept(box.isSelected()));
        box.setTooltip(new Tooltip("On or off for this session; off for good with " + key + " in Settings"));
        return box;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }

    private static RadioButton modeButton(DataMode mode, String id, ToggleGroup group, SidebarModel model,
                                          SidebarController controller) {
        RadioButton b = new RadioButton(SidebarController.modeLabel(mode, model.pollIntervalSeconds.get()));
        b.setId(id);
        b.setUserData(mode);
        b.setToggleGroup(group);
        b.setOnAction(e -> controller.onModeChosen(mode));
        return b;
    }

    private static void selectMode(ToggleGroup group, DataMode mode) {
        for (Toggle t : group.getToggles()) {
            if (t.getUserData() == mode) {
                group.selectToggle(t);
            }
        }
    }
}
