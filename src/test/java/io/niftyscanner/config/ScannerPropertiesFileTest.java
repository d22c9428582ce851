package io.niftyscanner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerPropertiesFileTest {
    @TempDir
    Path dir;

    private static final String FILE = "# NIFTY Scanner configuration\n\n"
            + "# --- data feed ------------------------------------\n"
            + "# stream, poll or hybrid\n"
            + "mode = stream\n"
            + "# seconds between polling cycles, 1 to 3600\n"
            + "poll.interval.seconds = 60\n\n"
            + "# --- user interface ------------------------------\n"
            + "ui.refresh.millis = 2000\n";

    private ScannerPropertiesFile write() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/scanner.properties"), FILE);
        return ScannerPropertiesFile.read(dir);
    }

    @Test
    void readsKeysWithTheirHelpAndSection() throws Exception {
        ScannerPropertiesFile f = write();
        assertThat(f.entries()).extracting(ScannerPropertiesFile.Entry::key).containsExactly("mode", "poll.interval.seconds", "ui.refresh.millis");
        assertThat(f.entries().get(1).help()).isEqualTo("seconds between polling cycles, 1 to 3600");
        assertThat(f.entries().get(1).section()).isEqualTo("data feed");
        assertThat(f.entries().get(2).section()).isEqualTo("user interface");
        assertThat(f.values()).containsEntry("poll.interval.seconds", "60");
    }

    @Test
    void savesChangesInPlaceKeepingCommentsAndOrder() throws Exception {
        ScannerPropertiesFile f = write();
        assertThat(f.save(Map.of("poll.interval.seconds", "30", "mode", "stream"), Map.of())).containsExactly("poll.interval.seconds");
        String text = Files.readString(dir.resolve("config/scanner.properties"));
        assertThat(text).isEqualTo(FILE.replace("poll.interval.seconds = 60", "poll.interval.seconds = 30"));
        assertThat(ConfigLoader.load(dir, Map.of(), Map.of()).feed().pollIntervalSeconds()).isEqualTo(30);
        try (var files = Files.list(dir.resolve("config"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temp file left").containsExactly("scanner.properties");
        }
    }

    @Test
    void aBadValueIsRejectedWithTheLoadersMessageAndTheFileStaysAsItWas() throws Exception {
        ScannerPropertiesFile f = write();
        assertThatThrownBy(() -> f.save(Map.of("poll.interval.seconds", "0"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config/scanner.properties: poll.interval.seconds = '0' is not valid; allowed: a whole number from 1 to 3600");
        assertThat(Files.readString(dir.resolve("config/scanner.properties"))).isEqualTo(FILE);
    }

    @Test
    void aValueContinuedOverSeveralLinesReadsAsOneAndIsRewrittenOnOne() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        String text = "# NSE holidays\nholidays = 2026-01-26,\\\n           2026-12-25\nmode = poll\n";
        Files.writeString(dir.resolve("config/scanner.properties"), text);
        ScannerPropertiesFile f = ScannerPropertiesFile.read(dir);
        assertThat(f.values()).containsExactly(Map.entry("holidays", "2026-01-26,2026-12-25"), Map.entry("mode", "poll"));
        assertThat(f.textWith(Map.of("mode", "stream"))).as("untouched continued lines stay as they were")
                .isEqualTo(text.replace("mode = poll", "mode = stream"));
        f.save(Map.of("holidays", "2026-01-26"), Map.of());
        assertThat(Files.readString(dir.resolve("config/scanner.properties"))).isEqualTo("# NSE holidays\nholidays = 2026-01-26\nmode = poll\n");
    }

    @Test
    void theShippedFileReadsAsTheLoaderReadsIt() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        ScannerPropertiesFile f = ScannerPropertiesFile.read(repo);
        assertThat(f.entries()).hasSizeGreaterThan(30);
        ScannerConfig shipped = ConfigLoader.load(repo, Map.of(), Map.of());
        assertThat(f.validate(f.values(), Map.of()).holidays()).isEqualTo(shipped.holidays()).hasSizeGreaterThan(10);
        assertThat(f.values().get("holidays")).contains("2026-01-26").doesNotContain("\\");
    }

    @Test
    void aNewKeyIsAppended() throws Exception {
        ScannerPropertiesFile f = write();
        f.save(Map.of("alerts.sound", "false"), Map.of());
        assertThat(Files.readString(dir.resolve("config/scanner.properties"))).endsWith("ui.refresh.millis = 2000\nalerts.sound = false\n");
    }
}
