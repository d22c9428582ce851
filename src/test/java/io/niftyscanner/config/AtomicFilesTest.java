package io.niftyscanner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temp file of a private write: a name no one can plant a link at, and never written through one. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aLinkPlantedAtTheTempNameIsNeverWrittenThroughAndAnotherNameIsTaken() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "OLD=1\n");
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "keep me\n");
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-r--r--"));
        Path planted = dir.resolve("..env.aaaa.tmp");
        Files.createSymbolicLink(planted, victim);
        Iterator<String> names = List.of("aaaa", "bbbb").iterator();

        AtomicFiles.replace(env, "NEW=2\n", true, names::next);

        assertThat(Files.readString(victim)).isEqualTo("keep me\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(victim))).isEqualTo("rw-r--r--");
        assertThat(Files.isSymbolicLink(planted)).as("the planted link is left alone").isTrue();
        assertThat(Files.readString(env)).isEqualTo("NEW=2\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
        assertThat(Files.exists(dir.resolve("..env.bbbb.tmp"))).as("the temp file was moved into place").isFalse();
    }

    @Test
    void whenEveryNameIsTakenNothingIsWritten() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "OLD=1\n");
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "keep me\n");
        Files.createSymbolicLink(dir.resolve("..env.same.tmp"), victim);
        assertThatThrownBy(() -> AtomicFiles.replace(env, "NEW=2\n", true, () -> "same"))
                .hasMessageContaining("random names were all taken");
        assertThat(Files.readString(env)).isEqualTo("OLD=1\n");
        assertThat(Files.readString(victim)).isEqualTo("keep me\n");
    }

    @Test
    void theNewContentIsPrivateFromTheStartWhateverTheUmask() throws Exception {
        Path file = dir.resolve("secret.env");
        AtomicFiles.replacePrivate(file, "A=1\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        AtomicFiles.replace(dir.resolve("public.json"), "{}\n");
        assertThat(Files.readString(dir.resolve("public.json"))).isEqualTo("{}\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("secret.env", "public.json");
        }
    }
}
