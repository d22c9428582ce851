package io.niftyscanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileUpdaterTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTokenAndKeepsEveryOtherLineExactly() throws Exception {
        Path env = dir.resolve(".env");
        String before = "# Kite app\nZERODHA_API_KEY=abc\n\n  # comment with = sign\nexport ZERODHA_ACCESS_TOKEN=old\n"
                + "ZERODHA_API_SECRET='s#1'\nOTHER=1 # trailing\n";
        Files.writeString(env, before);
        EnvFileUpdater.set(env, "ZERODHA_ACCESS_TOKEN", "new123");
        assertThat(Files.readString(env)).isEqualTo(before.replace("export ZERODHA_ACCESS_TOKEN=old",
                "export ZERODHA_ACCESS_TOKEN=new123"));
        assertThat(DotEnv.read(env)).containsEntry("ZERODHA_ACCESS_TOKEN", "new123").containsEntry("ZERODHA_API_KEY", "abc");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
        assertThat(Files.list(dir)).containsExactly(env);
    }

    @Test
    void appendsWhenAbsentAndKeepsCrlf() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "A=1\r\nB=2");
        EnvFileUpdater.set(env, "ZERODHA_ACCESS_TOKEN", "t$1\\x");
        assertThat(Files.readString(env)).isEqualTo("A=1\r\nB=2\r\nZERODHA_ACCESS_TOKEN=t$1\\x\r\n");
        EnvFileUpdater.set(env, "A", "9");
        assertThat(Files.readString(env)).isEqualTo("A=9\r\nB=2\r\nZERODHA_ACCESS_TOKEN=t$1\\x\r\n");
    }

    @Test
    void createsAMissingFile() throws Exception {
        Path env = dir.resolve(".env");
        EnvFileUpdater.set(env, "ZERODHA_ACCESS_TOKEN", "abc");
        assertThat(Files.readString(env)).isEqualTo("ZERODHA_ACCESS_TOKEN=abc\n");
    }
}
