package io.niftyscanner.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a {@code .env} file: KEY=VALUE lines, {@code #} comments, optional {@code export} and quotes. */
public final class DotEnv {
    private DotEnv() {}

    public static Map<String, String> read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return values;
        }
        try {
            int lineNo = 0;
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("export ")) {
                    line = line.substring(7).strip();
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    // the line is not repeated: a pasted token or secret would end up in the message
                    throw new ConfigException(file + " line " + lineNo + " is not KEY=VALUE (" + line.length()
                            + " characters, not shown as they may be a secret). Fix or remove that line.");
                }
                values.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
            }
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return values;
    }

    /**
     * A warning when {@code file} (or the file its symlink points to) can be read or written by group or others:
     * it holds the Kite API secret and access token. Empty when it is private, missing, or the file system has no
     * POSIX permissions.
     */
    public static Optional<String> permissionWarning(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
        Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
        open.retainAll(perms);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        boolean others = open.contains(PosixFilePermission.OTHERS_READ) || open.contains(PosixFilePermission.OTHERS_WRITE);
        boolean read = open.contains(PosixFilePermission.OTHERS_READ) || open.contains(PosixFilePermission.GROUP_READ);
        return Optional.of(file + " can be " + (read ? "read" : "changed") + " by " + (others ? "other users" : "your group")
                + " (mode " + PosixFilePermissions.toString(perms) + ") and holds your Kite secrets: run `chmod 600 "
                + file.getFileName() + "` so that only you can read it.");
    }

    static String unquote(String v) {
        if (v.length() >= 2 && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
            return v.substring(1, v.length() - 1);
        }
        int hash = v.indexOf(" #");
        return hash >= 0 ? v.substring(0, hash).strip() : v;
    }
}
