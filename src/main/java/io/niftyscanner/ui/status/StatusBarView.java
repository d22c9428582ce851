package io.niftyscanner.ui.status;

import javafx.beans.property.StringProperty;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** One line of labels at the bottom of the window. */
final class StatusBarView {
    private final HBox root;

    StatusBarView(StatusBarModel model) {
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        root = new HBox(18, label("statusMarketTime", model.marketTime), label("statusTicks", model.ticksPerSecond),
                label("statusLatency", model.latency), label("statusPoll", model.pollCycle),
                label("statusRepair", model.awaitingRepair), spring, label("statusJournal", model.journal));
        root.setId("footer");
        root.getStyleClass().add("footer");
    }

    Parent root() {
        return root;
    }

    private static Label label(String id, StringProperty text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.visibleProperty().bind(text.isNotEmpty());
        l.managedProperty().bind(text.isNotEmpty());
        return l;
    }
}
