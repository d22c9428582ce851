package io.niftyscanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppHomeTest {
    @TempDir
    Path dir;

    @Test
    void aFirstStartSeedsTheHomeFolderAndALaterOneKeepsTheTradersFiles() throws Exception {
        Path defaults = dir.resolve("defaults");
        Files.createDirectories(defaults.resolve("config"));
        Files.writeString(defaults.resolve("config/scanner.properties"), "mode = stream\n");
        Files.writeString(defaults.resolve("instrument_tokens.json"), "{}");
        Path home = dir.resolve("home/.nifty-scanner");

        AppHome.seed(defaults, home);
        assertThat(Files.readString(home.resolve("config/scanner.properties"))).isEqualTo("mode = stream\n");
        assertThat(home.resolve("instrument_tokens.json")).exists();
        assertThat(home.resolve("config/nifty50.txt")).as("only what the defaults have").doesNotExist();

        Files.writeString(home.resolve("config/scanner.properties"), "mode = poll\n");
        Files.writeString(defaults.resolve("config/scanner.properties"), "mode = hybrid\n");
        AppHome.seed(defaults, home);
        assertThat(Files.readString(home.resolve("config/scanner.properties"))).as("never overwritten").isEqualTo("mode = poll\n");
    }
}
