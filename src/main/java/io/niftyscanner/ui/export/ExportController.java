package io.niftyscanner.ui.export;

import io.niftyscanner.app.ExportCommand;
import io.niftyscanner.ui.fx.Background;
import io.niftyscanner.ui.fx.Dialogs;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;

/**
 * File &gt; Export: the journal's signals, orders or trades as CSV (the same code as {@code ./scanner export}), for a
 * range of days, into a file the trader picks.
 */
public final class ExportController {
    /** The dialog's state. */
    public static final class Model {
        final StringProperty what = new SimpleStringProperty("signals");
        final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
        final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
        final StringProperty out = new SimpleStringProperty("");
        final StringProperty message = new SimpleStringProperty("");
        final BooleanProperty error = new SimpleBooleanProperty(false);
        final BooleanProperty busy = new SimpleBooleanProperty(false);

        public StringProperty what() {
            return what;
        }

        public StringProperty out() {
            return out;
        }

        public StringProperty message() {
            return message;
        }
    }

    private final Model model = new Model();
    private final Supplier<Path> journal;
    private final Path exportDir;
    private ExportView view;

    /**
     * @param journal   the journal file the session writes (null while none runs)
     * @param exportDir where the files go unless the trader picks another place
     */
    public ExportController(Supplier<Path> journal, Path exportDir) {
        this.journal = journal;
        this.exportDir = exportDir;
    }

    public Model model() {
        return model;
    }

    public void open(Node anchor, String what, LocalDate today) {
        model.what.set(what);
        model.from.set(today);
        model.to.set(today);
        model.out.set(defaultFile(what, today).toString());
        model.message.set("");
        model.error.set(false);
        view = new ExportView(model, this);
        view.show(anchor);
    }

    Path defaultFile(String what, LocalDate day) {
        return exportDir.resolve(what + "-" + day + ".csv");
    }

    void onWhatChosen(String what) {
        model.what.set(what);
        LocalDate day = model.to.get() == null ? LocalDate.now() : model.to.get();
        model.out.set(defaultFile(what, day).toString());
    }

    void onExport() {
        Path file = journal.get();
        if (file == null) {
            fail("No journal yet: it is written while the scanner runs.");
            return;
        }
        LocalDate from = model.from.get();
        LocalDate to = model.to.get();
        if (from != null && to != null && to.isBefore(from)) {
            fail("The last day (" + to + ") is before the first (" + from + ").");
            return;
        }
        String what = model.what.get();
        Path out = Path.of(model.out.get().trim());
        model.busy.set(true);
        Background.run("export " + what, () -> ExportCommand.export(what, from, to, file, out), rows -> {
            model.busy.set(false);
            model.error.set(false);
            model.message.set("Exported " + rows + " " + what + " to " + out.toAbsolutePath() + ".");
        }, e -> {
            model.busy.set(false);
            fail("Export failed: " + Dialogs.describe(e) + ". Nothing was written.");
        });
    }

    private void fail(String message) {
        model.error.set(true);
        model.message.set(message);
    }

    void onClose() {
        if (view != null) {
            view.close();
        }
    }
}
