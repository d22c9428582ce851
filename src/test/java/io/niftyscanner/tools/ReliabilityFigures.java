package io.niftyscanner.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures a reliability test measured (inputs fuzzed, faults survived, candles checked, reconnect times...), one
 * JSON object a line in {@code target/reliability/figures.jsonl}, so that docs/RELIABILITY.md can quote the last run.
 * {@code scripts/reliability-figures.sh} prints them. Writing is best effort: a figure never fails a test.
 */
public final class ReliabilityFigures {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FILE = Path.of("target", "reliability", "figures.jsonl");

    private ReliabilityFigures() {}

    /** Records one measurement: {@code test} names what was measured, {@code values} the numbers (in order). */
    public static synchronized void record(String test, Map<String, ?> values) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("test", test);
        line.put("at", Instant.now().toString());
        line.putAll(values);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("reliability figures not written: " + e);
        }
    }
}
