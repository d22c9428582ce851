package io.niftyscanner.ui.alerts;

import io.niftyscanner.alerts.AlertEvent;
import io.niftyscanner.alerts.AlertListener;
import io.niftyscanner.alerts.AlertService;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.MenuBar;
import javafx.stage.Window;

/** Connects the window to the alert service: the in-window channel, its notices, and the Alerts menu. */
public final class WindowAlerts {
    private WindowAlerts() {}

    /**
     * Call on the FX thread once the scanner runs. Adds the in-window channel to the service, shows what the service has
     * already had to say (no audio device, …) and anything it says later, and adds the Alerts menu to the window's menu
     * bar when there is one (replacing the menu of an earlier session).
     */
    public static WindowAlertChannel install(AlertService service, Window owner, Parent root) {
        WindowAlertChannel channel = new WindowAlertChannel(owner);
        service.addChannel(channel);
        for (String notice : service.notices()) {
            channel.notice(notice);
        }
        service.addListener(new AlertListener() {
            @Override
            public void onAlert(AlertEvent event) {}

            @Override
            public void onNotice(String source, String text) {
                channel.notice(text);
            }
        });
        Node bar = root.lookup(".menu-bar");
        if (bar instanceof MenuBar menuBar) {
            menuBar.getMenus().removeIf(m -> "alertsMenu".equals(m.getId()));
            menuBar.getMenus().add(AlertsMenu.build(service));
        }
        return channel;
    }
}
