package io.niftyscanner.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * Sets one {@code KEY=value} in a {@code .env} file and keeps every other line, comment and blank line exactly.
 * Writes atomically (temp file + rename) with mode 600 where the file system has POSIX permissions.
 */
public final class EnvFileUpdater {
    private EnvFileUpdater() {}

    public static void set(Path file, String key, String value) throws IOException {
        if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not an environment variable name: " + key);
        }
        if (value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException(key + " must be one line");
        }
        String old = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Files.writeString(temp(file), "");
        write(file, replace(old, key, value));
    }

    /** The new text: every line that sets {@code key} is replaced in place; appended when there is none. */
    static String replace(String text, String key, String value) {
        Pattern line = Pattern.compile("^(\\s*(?:export\\s+)?)" + Pattern.quote(key) + "\\s*=.*?(\\r?)$", Pattern.MULTILINE);
        String setting = key + "=" + value;
        var m = line.matcher(text);
        if (m.find()) {
            return m.replaceAll(r -> java.util.regex.Matcher.quoteReplacement(r.group(1) + setting + r.group(2)));
        }
        String sep = text.contains("\r\n") ? "\r\n" : "\n";
        if (text.isEmpty()) {
            return setting + sep;
        }
        return text + (text.endsWith("\n") ? "" : sep) + setting + sep;
    }

    private static Path temp(Path file) {
        Path abs = file.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + ".tmp");
    }

    private static void write(Path file, String text) throws IOException {
        Path abs = file.toAbsolutePath();
        Path tmp = temp(abs);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user's profile protects the file
        }
        AtomicFiles.replace(tmp, abs, text);
    }
}
