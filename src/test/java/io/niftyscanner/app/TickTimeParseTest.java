package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TickTimeParseTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T09:15:03+05:30", "2026-11-24T09:15:03.5+05:30", "2026-11-24T09:15:03.123+05:30",
            "2026-11-24T09:15:03.123456789+05:30", "2026-11-24T03:45:03Z", "2026-02-28T23:59:59-04:00",
            "2026-01-31T09:15:00+05:30", "2024-02-29T10:00:00+05:30", "1999-12-31T23:59:59.999+14:00"})
    void agreesWithJavaTime(String text) {
        assertThat(TickFileReader.parseTime(text)).isEqualTo(OffsetDateTime.parse(text).toInstant().toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-24T09:15:03+05:30", "2026-02-30T09:15:03+05:30", "2026-11-24T25:15:03+05:30",
            "2026-11-24T09:15:03", "2026-11-24 09:15:03+05:30"})
    void refusesWhatJavaTimeRefuses(String text) {
        assertThatThrownBy(() -> TickFileReader.parseTime(text)).isInstanceOf(DateTimeParseException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 1795491960000L})
    void epochMillisPassThrough(long millis) {
        assertThat(TickFileReader.parseTime(Long.toString(millis))).isEqualTo(millis);
    }
}
