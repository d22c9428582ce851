package io.niftyscanner;

import io.niftyscanner.app.CliContext;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The real process streams, for {@link Main}. */
final class CliStreams {
    private CliStreams() {}

    static CliContext system() {
        return new CliContext(new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8), Path.of("").toAbsolutePath(), System.getenv());
    }
}
