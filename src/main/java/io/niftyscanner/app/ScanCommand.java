package io.niftyscanner.app;

import java.util.List;

/** Placeholder until its issue lands. */
public final class ScanCommand implements Command {
    @Override
    public int run(List<String> args, CliContext ctx) {
        ctx.err().println("not built yet");
        return Cli.EXIT_FAILURE;
    }
}
