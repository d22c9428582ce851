package io.niftyscanner.ui.settings;

import io.niftyscanner.config.ConfigException;
import io.niftyscanner.config.ScannerPropertiesFile;
import io.niftyscanner.ui.fx.Background;
import io.niftyscanner.ui.fx.Dialogs;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;

/**
 * Settings: edits {@code config/scanner.properties} with the same validation as a start and saves it atomically.
 * Every change applies when the scanner restarts; after a save the window offers to restart it now.
 */
public final class SettingsController {
    private final SettingsModel model = new SettingsModel();
    private final Path baseDir;
    private final Map<String, String> env;
    private final Consumer<List<String>> onSaved;
    private ScannerPropertiesFile file;
    private SettingsView view;

    /**
     * @param env     the environment the validation uses (the process's, as at start)
     * @param onSaved called on the FX thread with the changed keys after a successful save
     */
    public SettingsController(Path baseDir, Map<String, String> env, Consumer<List<String>> onSaved) {
        this.baseDir = baseDir;
        this.env = env;
        this.onSaved = onSaved;
    }

    public SettingsModel model() {
        return model;
    }

    /** Reads the file and shows the dialog over the window of {@code anchor}. */
    public void open(Node anchor) {
        if (!load()) {
            return;
        }
        view = new SettingsView(model, this);
        view.show(anchor);
    }

    /** Reads the file into the model; false (with a message) when it cannot be read. */
    boolean load() {
        try {
            file = ScannerPropertiesFile.read(baseDir);
        } catch (java.io.IOException e) {
            model.message.set("Cannot read config/scanner.properties: " + Dialogs.describe(e));
            model.error.set(true);
            return false;
        }
        model.file.set(String.valueOf(file.file()));
        model.items.clear();
        file.entries().forEach(e -> model.items.add(new SettingItem(e)));
        model.message.set(file.entries().isEmpty()
                ? "config/scanner.properties is missing or empty: restore it from the repository to edit every setting."
                : "Changes apply when the scanner restarts; the window offers to restart it after saving.");
        model.error.set(false);
        return true;
    }

    Map<String, String> changes() {
        Map<String, String> changes = new LinkedHashMap<>();
        for (SettingItem item : model.items) {
            if (item.changed()) {
                changes.put(item.key(), item.value.get().trim());
            }
        }
        return changes;
    }

    void onSave() {
        Map<String, String> changes = changes();
        if (changes.isEmpty()) {
            close();
            return;
        }
        ScannerPropertiesFile f = file;
        model.busy.set(true);
        Background.run("save settings", () -> f.save(changes, env), changed -> {
            model.busy.set(false);
            model.error.set(false);
            model.message.set("Saved.");
            close();
            onSaved.accept(changed);
        }, e -> {
            model.busy.set(false);
            model.error.set(true);
            model.message.set(e instanceof ConfigException ? e.getMessage() + ". Nothing was saved."
                    : "Could not save: " + Dialogs.describe(e) + ". The file was left as it was.");
        });
    }

    void close() {
        if (view != null) {
            view.close();
        }
    }
}
