package io.niftyscanner.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** No record that holds a secret prints it: each one declares its own toString (records' default prints every field). */
class SecretRecordsTest {
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|accesstoken|requesttoken|checksum|enctoken"
            + "|refreshtoken|publictoken|password).*");

    @Test
    void everyRecordWithASecretComponentDeclaresToString() throws Exception {
        List<String> secretRecords = new ArrayList<>();
        List<String> offenders = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.niftyscanner")) {
            Class<?> type = Class.forName(c.getName(), false, getClass().getClassLoader());
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
                .contains("Credentials", "KiteSession", "SessionInfo", "Options", "SandboxOptions");
        assertThat(offenders).as("records holding a secret with the default toString").isEmpty();
    }
}
