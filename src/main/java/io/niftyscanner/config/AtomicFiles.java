package io.niftyscanner.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Replaces a file's content all at once (temp file + rename), so a failure leaves the old file as it was. */
final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes {@code text} to {@code tmp} (already created beside the target), then moves it over {@code target}. */
    static void replace(Path tmp, Path target, String text) throws IOException {
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
