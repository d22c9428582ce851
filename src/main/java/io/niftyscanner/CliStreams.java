package io.niftyscanner;

import io.niftyscanner.app.CliContext;
import io.niftyscanner.app.MaskingPrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The real process streams, for {@link Main}; both mask secrets in everything printed. */
final class CliStreams {
    private CliStreams() {}

    static CliContext system() {
        return new CliContext(new MaskingPrintStream(System.out, StandardCharsets.UTF_8),
                new MaskingPrintStream(System.err, StandardCharsets.UTF_8), Path.of("").toAbsolutePath(), System.getenv());
    }
}
