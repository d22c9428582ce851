package io.niftyscanner.alerts;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Runs an external program (notify-send, osascript). The seam tests use to check the command line. */
public interface ProcessLauncher {
    /** Exit code and what the program printed (stdout and stderr together, trimmed). Exit -1: it timed out. */
    record Result(int exitCode, String output) {}

    Result run(List<String> command, Duration timeout) throws IOException, InterruptedException;

    /** The real one: starts the process, waits up to the timeout, kills it past that. */
    static ProcessLauncher system() {
        return (command, timeout) -> {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(-1, command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            byte[] out = p.getInputStream().readNBytes(4096);
            return new Result(p.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8).trim());
        };
    }
}
