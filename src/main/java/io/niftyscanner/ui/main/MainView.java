package io.niftyscanner.ui.main;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Lays out the panes the controller hands it, the menus and the banner. Binds and forwards only. */
final class MainView {
    private final BorderPane root = new BorderPane();

    MainView(MainModel model, MainController controller, Parent sidebar, Parent watchlist, Parent signals, Parent statusBar) {
        root.getStyleClass().add("main");
        root.setTop(new VBox(menus(controller), banner(model, controller)));
        root.setLeft(sidebar);
        SplitPane center = new SplitPane(watchlist, signals);
        center.setId("mainSplit");
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.55);
        root.setCenter(center);
        root.setBottom(statusBar);
    }

    Parent root() {
        return root;
    }

    private static MenuBar menus(MainController c) {
        MenuItem fetch = item("Fetch instrument tokens", "fetchInstruments", "Shortcut+I", c::fetchInstruments);
        MenuItem quit = item("Quit", "quit", "Shortcut+Q", c::quit);
        Menu file = new Menu("File", null, fetch, new SeparatorMenuItem(), quit);

        MenuItem stream = item("WebSocket streaming", "menuStream", "Shortcut+1", () -> c.sidebarMode(io.niftyscanner.config.DataMode.STREAM));
        MenuItem poll = item("HTTP polling", "menuPoll", "Shortcut+2", () -> c.sidebarMode(io.niftyscanner.config.DataMode.POLL));
        MenuItem hybrid = item("Auto (hybrid)", "menuHybrid", "Shortcut+3", () -> c.sidebarMode(io.niftyscanner.config.DataMode.HYBRID));
        MenuItem reconnect = item("Reconnect", "menuReconnect", "F5", c::reconnect);
        MenuItem filter = item("Find symbol", "menuFilter", "Shortcut+F", c::focusFilter);
        Menu market = new Menu("Market", null, stream, poll, hybrid, new SeparatorMenuItem(), reconnect, new SeparatorMenuItem(), filter);
        MenuBar bar = new MenuBar(file, market);
        bar.setId("menuBar");
        return bar;
    }

    private static MenuItem item(String text, String id, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Parent banner(MainModel model, MainController controller) {
        Label message = new Label();
        message.setId("bannerMessage");
        message.setWrapText(true);
        Button action = new Button();
        action.setId("bannerAction");
        Button close = new Button("✕");
        close.setId("bannerClose");
        close.getStyleClass().add("banner-close");
        close.setOnAction(e -> controller.dismissBanner());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox.setHgrow(message, Priority.SOMETIMES);
        HBox box = new HBox(12, message, spring, action, close);
        box.setId("banner");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(8, 12, 8, 12));
        box.setVisible(false);
        box.setManaged(false);
        model.banner.addListener((o, was, b) -> {
            box.setVisible(b != null);
            box.setManaged(b != null);
            if (b == null) {
                return;
            }
            box.getStyleClass().setAll("banner", "banner-" + b.kind().name().toLowerCase(java.util.Locale.ROOT));
            message.setText(b.message());
            action.setVisible(b.actionText() != null);
            action.setManaged(b.actionText() != null);
            action.setText(b.actionText() == null ? "" : b.actionText());
            action.setOnAction(e -> {
                controller.dismissBanner();
                b.action().run();
            });
        });
        return box;
    }
}
