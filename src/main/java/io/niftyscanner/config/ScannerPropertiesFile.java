package io.niftyscanner.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code config/scanner.properties} as the settings editor sees it: each key with its value, the comment above it
 * and its section. Saving changes the values in place (comments, order and unknown lines stay), validates the result
 * exactly as a start would ({@link ConfigLoader}), and replaces the file atomically, so a failure leaves it as it was.
 */
public final class ScannerPropertiesFile {
    private static final Pattern SETTING = Pattern.compile("^\\s*([^#!=:\\s]+)\\s*[=:]\\s*(.*?)\\s*$");
    private static final Pattern SECTION = Pattern.compile("^#\\s*-+\\s*(.+?)\\s*-+\\s*$");

    /** One setting; {@code help} is the comment just above it, {@code section} the nearest "# --- name ---" heading. */
    public record Entry(String key, String value, String help, String section) {}

    private final Path baseDir;
    private final Path file;
    private final List<String> lines;
    private final List<Entry> entries;

    private ScannerPropertiesFile(Path baseDir, Path file, List<String> lines, List<Entry> entries) {
        this.baseDir = baseDir;
        this.file = file;
        this.lines = lines;
        this.entries = entries;
    }

    /** Reads {@code baseDir/config/scanner.properties}; a missing file reads as empty. */
    public static ScannerPropertiesFile read(Path baseDir) throws IOException {
        Path file = baseDir.resolve(ConfigLoader.PROPERTIES_FILE);
        List<String> lines = Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        List<Entry> entries = new ArrayList<>();
        String section = "";
        StringBuilder help = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            Matcher heading = SECTION.matcher(t);
            if (heading.matches()) {
                section = heading.group(1);
                help.setLength(0);
            } else if (isComment(t)) {
                help.append(help.length() == 0 ? "" : " ").append(t.substring(1).trim());
            } else if (t.isEmpty()) {
                help.setLength(0);
            } else {
                int last = logicalEnd(lines, i);
                Matcher setting = SETTING.matcher(lines.get(i));
                if (setting.matches()) {
                    String key = setting.group(1);
                    entries.add(new Entry(key, parsedValue(lines, i, last, key), help.toString(), section));
                }
                help.setLength(0);
                i = last;
            }
        }
        return new ScannerPropertiesFile(baseDir, file, List.copyOf(lines), List.copyOf(entries));
    }

    private static boolean isComment(String trimmed) {
        return trimmed.startsWith("#") || trimmed.startsWith("!");
    }

    /** The last physical line of the logical line starting at {@code i}: a line ending in an odd number of backslashes goes on. */
    private static int logicalEnd(List<String> lines, int i) {
        int last = i;
        while (last + 1 < lines.size() && continues(lines.get(last))) {
            last++;
        }
        return last;
    }

    private static boolean continues(String line) {
        int n = 0;
        for (int k = line.length() - 1; k >= 0 && line.charAt(k) == '\\'; k--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** The value exactly as the loader sees it (escapes and continuation lines resolved by java.util.Properties). */
    private static String parsedValue(List<String> lines, int first, int last, String key) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(String.join("\n", lines.subList(first, last + 1))));
        } catch (IOException | IllegalArgumentException e) {
            return "";
        }
        return p.getProperty(key, "").trim();
    }

    public Path file() {
        return file;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The current values, key to value, in file order. */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        entries.forEach(e -> m.put(e.key(), e.value()));
        return m;
    }

    /** The file's text with {@code changes} applied: values replaced in place (one line each), new keys appended. */
    public String textWith(Map<String, String> changes) {
        Map<String, String> pending = new LinkedHashMap<>(changes);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String t = line.trim();
            if (t.isEmpty() || isComment(t)) {
                out.append(line).append('\n');
                continue;
            }
            int last = logicalEnd(lines, i);
            Matcher m = SETTING.matcher(line);
            if (m.matches() && pending.containsKey(m.group(1))) {
                out.append(m.group(1)).append(" = ").append(escape(pending.remove(m.group(1)))).append('\n');
            } else {
                for (int k = i; k <= last; k++) {
                    out.append(lines.get(k)).append('\n');
                }
            }
            i = last;
        }
        pending.forEach((k, v) -> out.append(k).append(" = ").append(escape(v)).append('\n'));
        return out.toString();
    }

    /**
     * Checks the changed file as a start would, with the same environment; throws {@link ConfigException} with the
     * loader's message (key, value, what is allowed) when a value is bad.
     */
    public ScannerConfig validate(Map<String, String> changes, Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>(values());
        all.putAll(changes);
        return ConfigLoader.load(baseDir, env, all);
    }

    /** Validates, then replaces the file atomically. Returns the keys whose value changed. */
    public List<String> save(Map<String, String> changes, Map<String, String> env) throws IOException {
        validate(changes, env);
        Map<String, String> old = values();
        List<String> changed = new ArrayList<>();
        changes.forEach((k, v) -> {
            if (!v.equals(old.get(k))) {
                changed.add(k);
            }
        });
        if (changed.isEmpty()) {
            return changed;
        }
        AtomicFiles.replace(file.toAbsolutePath(), textWith(changes));
        return changed;
    }

    /** Backslashes would be read as escapes by java.util.Properties; a value is kept on one line. */
    private static String escape(String value) {
        return value.trim().replace("\\", "\\\\").replace("\n", " ").replace("\r", " ");
    }
}
