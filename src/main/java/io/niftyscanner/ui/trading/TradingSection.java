package io.niftyscanner.ui.trading;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The sidebar's trading section; binds the model and forwards the trader's choices. */
final class TradingSection {
    private final VBox root;
    private final ToggleGroup group = new ToggleGroup();

    TradingSection(TradingModel model, TradingController controller) {
        Label title = new Label("AUTO-TRADE");
        title.getStyleClass().add("section");
        RadioButton off = choice("Off", "tradeOff", TradingModel.Position.OFF, controller::onOff);
        RadioButton paper = choice("Paper", "tradePaper", TradingModel.Position.PAPER, controller::onPaper);
        RadioButton live = choice("Live", "tradeLive", TradingModel.Position.LIVE, controller::onLive);
        paper.textProperty().bind(javafx.beans.binding.Bindings.when(model.sandbox).then("Sandbox").otherwise("Paper"));
        live.getStyleClass().add("trade-live");
        live.setTooltip(new Tooltip("Real orders on your Zerodha account, after a confirmation"));
        HBox switches = new HBox(10, off, paper, live);
        select(model.position.get());
        model.position.addListener((o, was, is) -> select(is));
        switches.disableProperty().bind(model.available.not());

        Label where = label("tradeWhere", model.where);
        Label breaker = label("breakerState", model.breaker);
        model.breakerTripped.addListener((o, was, is) -> breaker.getStyleClass().setAll("label", is ? "breaker-tripped" : "status-detail"));
        Label block = label("entryBlock", model.entryBlock);
        block.getStyleClass().add("settings-error");
        block.visibleProperty().bind(model.entryBlock.isNotEmpty());
        block.managedProperty().bind(model.entryBlock.isNotEmpty());

        Button stop = new Button("Stop trading");
        stop.setId("stopTrading");
        stop.getStyleClass().add("stop-trading");
        stop.setMaxWidth(Double.MAX_VALUE);
        stop.setOnAction(e -> controller.onStopTrading());
        stop.disableProperty().bind(model.available.not());
        Button resume = new Button("Resume trading");
        resume.setId("resumeTrading");
        resume.setMaxWidth(Double.MAX_VALUE);
        resume.setOnAction(e -> controller.onResume());
        resume.visibleProperty().bind(model.stopped);
        resume.managedProperty().bind(model.stopped);

        root = new VBox(8, title, switches, where, breaker, block, stop, resume);
        root.setPadding(new Insets(0));
    }

    private RadioButton choice(String text, String id, TradingModel.Position position, Runnable action) {
        RadioButton b = new RadioButton(text);
        b.setId(id);
        b.setUserData(position);
        b.setToggleGroup(group);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Label label(String id, javafx.beans.property.StringProperty text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        l.getStyleClass().add("status-detail");
        return l;
    }

    /** Shows a position without it counting as the trader's choice (onAction fires only on clicks). */
    void select(TradingModel.Position position) {
        for (Toggle t : group.getToggles()) {
            if (t.getUserData() == position) {
                group.selectToggle(t);
            }
        }
    }

    Parent root() {
        return root;
    }
}
