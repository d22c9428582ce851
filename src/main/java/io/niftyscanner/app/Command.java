package io.niftyscanner.app;

import java.util.List;

/** One {@code ./scanner} command. Returns the process exit code. */
public interface Command {
    int run(List<String> args, CliContext ctx) throws Exception;
}
