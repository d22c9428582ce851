package io.niftyscanner.arch;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.Credentials;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No record that holds a secret prints it: each one declares its own toString (records' default prints every field). */
class SecretRecordsTest {
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|accesstoken|requesttoken|checksum|enctoken"
            + "|refreshtoken|publictoken|bottoken|password).*");

    @Test
    void everyRecordWithASecretComponentDeclaresToString() throws Exception {
        List<String> secretRecords = new ArrayList<>();
        List<String> offenders = new ArrayList<>();
        Path classes = Path.of(Credentials.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(f -> classes.relativize(f).toString()).filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace(java.io.File.separatorChar, '.')).toList();
        }
        assertThat(names).as("the production classes were found").contains("io.niftyscanner.config.Credentials");
        for (String name : names) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (!type.isRecord()) {
                continue;
            }
            boolean holdsSecret = false;
            for (RecordComponent rc : type.getRecordComponents()) {
                holdsSecret |= rc.getType() == String.class && SECRET_NAME.matcher(rc.getName()).matches();
            }
            if (!holdsSecret) {
                continue;
            }
            secretRecords.add(type.getSimpleName());
            try {
                type.getDeclaredMethod("toString");
            } catch (NoSuchMethodException e) {
                offenders.add(type.getName());
            }
        }
        assertThat(secretRecords).as("the rule sees the records it is about")
                .contains("Credentials", "KiteSession", "SessionInfo", "Options", "SandboxOptions", "Telegram");
        assertThat(offenders).as("records holding a secret with the default toString").isEmpty();
    }
}
