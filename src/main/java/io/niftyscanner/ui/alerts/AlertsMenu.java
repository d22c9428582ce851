package io.niftyscanner.ui.alerts;

import io.niftyscanner.alerts.AlertService;
import java.util.Map;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.SeparatorMenuItem;

/** The Alerts menu: mute every alert, or one channel at a time. Muting acts from the next alert on. */
final class AlertsMenu {
    private static final Map<String, String> LABELS = Map.of(
            WindowAlertChannel.NAME, "In-window notifications",
            "notification", "Desktop notifications",
            "sound", "Sound",
            "telegram", "Telegram",
            "webhook", "Webhook");

    private AlertsMenu() {}

    static Menu build(AlertService service) {
        Menu menu = new Menu("Alerts");
        menu.setId("alertsMenu");
        CheckMenuItem all = item(service, AlertService.ALL, "Mute all alerts");
        menu.getItems().addAll(all, new SeparatorMenuItem());
        for (String channel : service.channels()) {
            menu.getItems().add(item(service, channel, "Mute " + LABELS.getOrDefault(channel, channel).toLowerCase(java.util.Locale.ROOT)));
        }
        return menu;
    }

    private static CheckMenuItem item(AlertService service, String channel, String text) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setId("mute-" + channel);
        item.setSelected(service.isMuted(channel));
        item.selectedProperty().addListener((o, was, is) -> service.mute(channel, is));
        return item;
    }
}
