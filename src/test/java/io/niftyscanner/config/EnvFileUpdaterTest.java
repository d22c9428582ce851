package io.niftyscanner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aSymlinkPlantedAtTheOldTempNameReceivesNothing() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "ZERODHA_API_KEY=abc\n");
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "untouched\n");
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(dir.resolve(".env.tmp"), victim);
        EnvFileUpdater.set(env, "ZERODHA_ACCESS_TOKEN", "tok98765432");
        assertThat(Files.readString(victim)).isEqualTo("untouched\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(victim))).as("the victim's mode is unchanged")
                .isEqualTo("rw-r--r--");
        assertThat(Files.isSymbolicLink(dir.resolve(".env.tmp"))).isTrue();
        assertThat(Files.readString(env)).isEqualTo("ZERODHA_API_KEY=abc\nZERODHA_ACCESS_TOKEN=tok98765432\n");
    }

    @Test
    void aSymlinkedEnvKeepsItsLinkAndItsTargetIsRewrittenAtMode600() throws Exception {
        Path secrets = Files.createDirectories(dir.resolve("secrets"));
        Path real = secrets.resolve("kite.env");
        Files.writeString(real, "ZERODHA_API_KEY=abc\nZERODHA_ACCESS_TOKEN=old\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r--r--"));
        Path env = dir.resolve(".env");
        Files.createSymbolicLink(env, Path.of("secrets/kite.env"));

        EnvFileUpdater.set(env, "ZERODHA_ACCESS_TOKEN", "new123");

        assertThat(Files.isSymbolicLink(env)).as(".env is still the user's link").isTrue();
        assertThat(Files.readSymbolicLink(env)).isEqualTo(Path.of("secrets/kite.env"));
        assertThat(Files.readString(real)).isEqualTo("ZERODHA_API_KEY=abc\nZERODHA_ACCESS_TOKEN=new123\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-------");
        try (var files = Files.list(secrets)) {
            assertThat(files).containsExactly(real);
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(env, secrets);
        }
    }

    @Test
    void aSymlinkToNothingOrToADirectoryIsRefusedWithTheReason() throws Exception {
        Path env = dir.resolve(".env");
        Files.createSymbolicLink(env, dir.resolve("missing/kite.env"));
        assertThatThrownBy(() -> EnvFileUpdater.set(env, "ZERODHA_ACCESS_TOKEN", "x"))
                .hasMessageContaining(".env is a symlink to").hasMessageContaining("does not exist")
                .hasMessageContaining("replace the link with a plain file");
        assertThat(Files.exists(dir.resolve("missing"))).as("nothing was created where the link points").isFalse();
        Files.delete(env);
        Files.createSymbolicLink(env, Files.createDirectories(dir.resolve("adir")));
        assertThatThrownBy(() -> EnvFileUpdater.set(env, "ZERODHA_ACCESS_TOKEN", "x"))
                .hasMessageContaining("not a regular file");
    }

    @Test
    void aWorldReadableEnvBecomesPrivateAndTheLoaderWarnsNamingTheFix() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "ZERODHA_API_KEY=abc\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(DotEnv.permissionWarning(env)).hasValueSatisfying(w -> assertThat(w)
                .contains("rw-r--r--").contains("other users").contains("`chmod 600 .env`"));
        assertThat(ConfigLoader.load(dir, java.util.Map.of(), java.util.Map.of()).warnings())
                .anySatisfy(w -> assertThat(w).contains("chmod 600 .env"));

        EnvFileUpdater.set(env, "ZERODHA_ACCESS_TOKEN", "abc12345678");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
        assertThat(DotEnv.permissionWarning(env)).isEmpty();
        assertThat(ConfigLoader.load(dir, java.util.Map.of(), java.util.Map.of()).warnings()).isEmpty();
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(DotEnv.permissionWarning(env)).hasValueSatisfying(w -> assertThat(w).contains("your group"));
    }

    @Test
    void createsAMissingFile() throws Exception {
        Path env = dir.resolve(".env");
        EnvFileUpdater.set(env, "ZERODHA_ACCESS_TOKEN", "abc");
        assertThat(Files.readString(env)).isEqualTo("ZERODHA_ACCESS_TOKEN=abc\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
    }
}
