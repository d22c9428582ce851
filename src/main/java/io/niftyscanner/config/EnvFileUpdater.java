package io.niftyscanner.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets one {@code KEY=value} in a {@code .env} file and keeps every other line, comment and blank line exactly.
 * The file holds the Kite secrets, so it is written the safe way ({@link AtomicFiles#replacePrivate}): a random
 * temp name created without following links, mode 600 before any content, fsync, atomic rename. A {@code .env} that
 * is a symlink stays one: the file it points to is rewritten, and left at mode 600 too.
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
        Path target = AtomicFiles.resolveTarget(file);
        String old = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) ? Files.readString(target, StandardCharsets.UTF_8) : "";
        AtomicFiles.replacePrivate(target, replace(old, key, value));
    }

    /**
     * Fails now, with the reason, if {@link #set} could not write {@code file} later (a symlink to nothing, a
     * directory in its place); the login calls it before it spends the user's request token.
     */
    public static void checkWritable(Path file) throws IOException {
        Path target = AtomicFiles.resolveTarget(file);
        Path dir = target.getParent();
        if (dir != null && Files.isDirectory(dir) && !Files.isWritable(dir)) {
            throw new IOException("cannot write " + target + ": its folder " + dir + " is not writable");
        }
    }

    /** The new text: every line that sets {@code key} is replaced in place; appended when there is none. */
    static String replace(String text, String key, String value) {
        Pattern line = Pattern.compile("^(\\s*(?:export\\s+)?)" + Pattern.quote(key) + "\\s*=.*?(\\r?)$", Pattern.MULTILINE);
        String setting = key + "=" + value;
        Matcher m = line.matcher(text);
        if (m.find()) {
            return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + setting + r.group(2)));
        }
        String sep = text.contains("\r\n") ? "\r\n" : "\n";
        if (text.isEmpty()) {
            return setting + sep;
        }
        return text + (text.endsWith("\n") ? "" : sep) + setting + sep;
    }
}
