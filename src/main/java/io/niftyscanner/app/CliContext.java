package io.niftyscanner.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch: stdout for its output (JSON lines), stderr for human status, the base directory
 * (config/, .env, instrument_tokens.json) and the environment. Tests pass their own.
 */
public record CliContext(PrintStream out, PrintStream err, Path baseDir, Map<String, String> env) {}
