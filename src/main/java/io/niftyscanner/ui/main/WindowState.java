package io.niftyscanner.ui.main;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window remembers between runs: size and place, the split positions, the selected symbol and the theme.
 * Kept in a small properties file beside the journal; a missing or damaged file means the defaults.
 */
public final class WindowState {
    private static final Logger LOG = LoggerFactory.getLogger(WindowState.class);
    private final Path file;
    private final Properties props = new Properties();

    private WindowState(Path file) {
        this.file = file;
    }

    public static WindowState load(Path file) {
        WindowState s = new WindowState(file);
        if (file != null && Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                s.props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("{} could not be read ({}); the window starts with its defaults", file, e.getMessage());
                s.props.clear();
            }
        }
        return s;
    }

    public double number(String key, double fallback) {
        try {
            String v = props.getProperty(key);
            double d = v == null ? fallback : Double.parseDouble(v);
            return Double.isFinite(d) ? d : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public String text(String key, String fallback) {
        return props.getProperty(key, fallback);
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(props.getProperty(key, "false"));
    }

    public void put(String key, Object value) {
        props.setProperty(key, String.valueOf(value));
    }

    /** Writes the file (temp file, then rename); a failure is logged, never shown: the window's place is no data. */
    public void save() {
        if (file == null) {
            return;
        }
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try {
            Files.createDirectories(abs.getParent());
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                props.store(w, "NIFTY Scanner window: size, splits, selected symbol, theme");
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("could not save the window's state to {}: {}", abs, e.getMessage());
        }
    }
}
