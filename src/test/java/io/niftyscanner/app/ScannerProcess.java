package io.niftyscanner.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.niftyscanner.sandbox.SandboxExchange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code io.niftyscanner.Main} in a JVM of its own (the test's class path), as {@code ./scanner} would run it: what it
 * printed on stdout (JSON lines) and stderr, and a real SIGKILL ({@link #kill()}).
 */
final class ScannerProcess {
    private static final ObjectMapper JSON = new ObjectMapper();

    final Process process;
    final List<JsonNode> lines = new CopyOnWriteArrayList<>();
    final StringBuffer err = new StringBuffer();
    /** Stdout lines cut off by the kill (not whole JSON): never shown as a whole line, so not expected anywhere. */
    final List<String> torn = new CopyOnWriteArrayList<>();
    private final Thread outReader;
    private final Thread errReader;
    private volatile Consumer<JsonNode> onLine = n -> { };

    /**
     * @param jvmOptions options for the child JVM (before the main class)
     * @param env        environment to add (a null value removes the variable)
     */
    ScannerProcess(Path dir, List<String> jvmOptions, Map<String, String> env, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.niftyscanner.Main"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        process = pb.start();
        outReader = reader(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true);
        errReader = reader(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false);
    }

    /** The environment that points a scanner at this exchange with its {@code sandbox} credentials (no API secret). */
    static Map<String, String> kiteEnv(SandboxExchange exchange) {
        Map<String, String> env = new HashMap<>();
        env.put("ZERODHA_API_KEY", "sandbox");
        env.put("ZERODHA_ACCESS_TOKEN", "sandbox");
        env.put("ZERODHA_API_SECRET", null);
        env.put("KITE_REST_URL", exchange.restUrl());
        env.put("KITE_WS_URL", exchange.wsUrl());
        return env;
    }

    /** Called for every whole stdout line, on the reader thread, after it is added to {@link #lines}. */
    void onLine(Consumer<JsonNode> listener) {
        this.onLine = listener;
    }

    private Thread reader(BufferedReader in, boolean json) {
        Thread t = new Thread(() -> {
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (json) {
                        JsonNode n;
                        try {
                            n = JSON.readTree(line);
                        } catch (IOException cut) {
                            torn.add(line);
                            continue;
                        }
                        lines.add(n);
                        onLine.accept(n);
                    } else {
                        err.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                err.append("(reading the process failed: ").append(e).append(")\n");
            }
        }, "scanner-process-" + (json ? "out" : "err"));
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** SIGKILL (kill -9): no shutdown hook, no close; waits until the process is gone and its output is read to the end. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        awaitEnd();
    }

    /** Waits (at most 60 s) until the process has ended and both its outputs are read to their end. */
    void awaitEnd() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the scanner process did not end within 60 s\n" + err);
        }
        outReader.join(TimeUnit.SECONDS.toMillis(30));
        errReader.join(TimeUnit.SECONDS.toMillis(30));
    }

    boolean alive() {
        return process.isAlive();
    }

    List<JsonNode> ofType(String type) {
        return lines.stream().filter(n -> type.equals(n.path("type").asText())).toList();
    }
}
