package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.niftyscanner.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ConfigWarningsTest {
    @TempDir
    Path dir;

    @Test
    void aReadableEnvIsWarnedAboutOnceNamingTheFix() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "ZERODHA_API_KEY=abc\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        Logger logger = (Logger) LoggerFactory.getLogger(ConfigWarnings.class);
        logger.addAppender(seen);
        try {
            ConfigWarnings.sayOnce(ConfigLoader.load(dir, Map.of(), Map.of()));
            ConfigWarnings.sayOnce(ConfigLoader.load(dir, Map.of(), Map.of()));
        } finally {
            logger.detachAppender(seen);
        }
        assertThat(seen.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains(env.toString()).contains("other users").contains("`chmod 600 .env`");
        });
    }
}
