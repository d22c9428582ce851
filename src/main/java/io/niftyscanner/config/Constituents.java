package io.niftyscanner.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code config/nifty50.txt}: one trading symbol a line, {@code #} comments. */
public final class Constituents {
    private Constituents() {}

    public static List<String> load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + " not found: it lists the NIFTY 50 symbols, one per line. Restore it from the repository.");
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(lines, file.toString());
    }

    public static List<String> parse(List<String> lines, String where) {
        Set<String> out = new LinkedHashSet<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            int hash = raw.indexOf('#');
            String s = (hash >= 0 ? raw.substring(0, hash) : raw).trim().toUpperCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            if (!s.matches("[A-Z0-9&_.\\-]+")) {
                throw new ConfigException(where + " line " + n + ": '" + s + "' is not a trading symbol");
            }
            if (!out.add(s)) {
                throw new ConfigException(where + " line " + n + ": " + s + " is listed twice");
            }
        }
        return List.copyOf(new ArrayList<>(out));
    }
}
