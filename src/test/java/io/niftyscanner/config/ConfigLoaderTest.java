package io.niftyscanner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private void properties(String text) throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/scanner.properties"), text);
    }

    @Test
    void defaultsWithoutAnyFile() {
        ScannerConfig c = ConfigLoader.load(dir, Map.of(), Map.of());
        assertThat(c.feed().mode()).isEqualTo(DataMode.STREAM);
        assertThat(c.feed().pollIntervalSeconds()).isEqualTo(60);
        assertThat(c.feed().hybridStreamWindows()).hasToString("[09:15-10:00, 14:00-15:30]");
        assertThat(c.strategy().emaFast()).isEqualTo(9);
        assertThat(c.strategy().intrabarThrottleSeconds()).isEqualTo(5);
        assertThat(c.orders().live()).isFalse();
        assertThat(c.kite().useSandbox()).isTrue();
        assertThat(c.paths().instruments()).isEqualTo(dir.resolve("instrument_tokens.json"));
    }

    @Test
    void theShippedPropertiesFileIsValid() {
        ScannerConfig c = ConfigLoader.load(Path.of("").toAbsolutePath(), Map.of(), Map.of());
        assertThat(c.feed().mode()).isEqualTo(DataMode.STREAM);
    }

    @Test
    void theShippedCalendarHasEveryWeekdayHolidayOf2026AndTheMuhuratSession() {
        ScannerConfig c = ConfigLoader.load(Path.of("").toAbsolutePath(), Map.of(), Map.of());
        // NSE's 2026 equity holiday circular as republished (docs/nse-calendar.md), weekend holidays left out
        assertThat(c.holidays()).containsExactlyInAnyOrder(Stream.of("2026-01-15", "2026-01-26", "2026-03-03", "2026-03-26",
                "2026-03-31", "2026-04-03", "2026-04-14", "2026-05-01", "2026-05-28", "2026-06-26", "2026-09-14", "2026-10-02",
                "2026-10-20", "2026-11-10", "2026-11-24", "2026-12-25").map(LocalDate::parse).toArray(LocalDate[]::new));
        assertThat(c.holidays()).allMatch(d -> d.getDayOfWeek().getValue() <= 5);
        assertThat(c.specialSessions()).singleElement().satisfies(s -> {
            assertThat(s.date()).isEqualTo(LocalDate.of(2026, 11, 8));
            assertThat(s.date().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(s.open()).isBefore(s.close());
        });
        assertThat(c.calendar().hasSession(LocalDate.of(2026, 11, 8))).isTrue();
    }

    @Test
    void specialSessionsAreParsedAndABadOneIsExplained() throws Exception {
        properties("special.sessions = 2026-11-08 18:00-19:15, 2027-10-29 18:15-19:15\n");
        ScannerConfig c = ConfigLoader.load(dir, Map.of(), Map.of());
        assertThat(c.specialSessions()).hasToString("[2026-11-08 18:00-19:15, 2027-10-29 18:15-19:15]");
        for (String bad : List.of("2026-11-08", "2026-11-08 19:15-18:00", "2026-13-08 18:00-19:00", "Sunday 18:00-19:00")) {
            properties("special.sessions = " + bad + "\n");
            assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of(), Map.of())).as(bad)
                    .hasMessageContaining("special.sessions = '" + bad + "'")
                    .hasMessageContaining("DATE HH:MM-HH:MM (IST)");
        }
    }

    @Test
    void badValueNamesKeyValueAndWhatIsAllowed() throws Exception {
        properties("poll.interval.seconds = 0\n");
        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("poll.interval.seconds")
                .hasMessageContaining("'0'")
                .hasMessageContaining("1 to 3600");
        properties("mode = turbo\n");
        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of(), Map.of()))
                .hasMessageContaining("mode").hasMessageContaining("turbo").hasMessageContaining("stream, poll or hybrid");
        properties("hybrid.stream.windows = 10:00-09:00\n");
        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of(), Map.of())).hasMessageContaining("hybrid.stream.windows");
        properties("strategy.ema.fast = 30\n");
        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of(), Map.of())).hasMessageContaining("strategy.ema.fast (30)");
        properties("alerts.sound = maybe\n");
        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of(), Map.of())).hasMessageContaining("true or false");
    }

    @Test
    void environmentWinsOverDotEnv() throws Exception {
        Files.writeString(dir.resolve(".env"), "# comment\nZERODHA_API_KEY=fromfile\nexport ZERODHA_ACCESS_TOKEN=\"filetoken123456\"\n");
        ScannerConfig c = ConfigLoader.load(dir, Map.of("ZERODHA_API_KEY", "fromenv"), Map.of());
        assertThat(c.kite().credentials().apiKey()).isEqualTo("fromenv");
        assertThat(c.kite().credentials().accessToken()).isEqualTo("filetoken123456");
        assertThat(c.kite().useSandbox()).isFalse();
    }

    @Test
    void secretsNeverAppearInTheDump() throws Exception {
        String secret = "s3cr3t-api-secret-value";
        String token = "AccessTokenValue987654";
        ScannerConfig c = ConfigLoader.load(dir, Map.of("ZERODHA_API_KEY", "key1", "ZERODHA_API_SECRET", secret,
                "ZERODHA_ACCESS_TOKEN", token, "KITE_WS_URL", "ws://127.0.0.1:9/?access_token=" + token), Map.of());
        String dump = c.dump().toString() + c.kite().credentials();
        assertThat(dump).doesNotContain(secret).doesNotContain(token).contains("key1");
    }

    @Test
    void urlsAreValidated() {
        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of("KITE_WS_URL", "http://x"), Map.of()))
                .hasMessageContaining("KITE_WS_URL").hasMessageContaining("ws://");
        ScannerConfig c = ConfigLoader.load(dir, Map.of("KITE_REST_URL", "http://127.0.0.1:8700/"), Map.of());
        assertThat(c.kite().restUrl()).isEqualTo("http://127.0.0.1:8700");
        assertThat(c.kite().useSandbox()).isFalse();
    }

    @Test
    void aBadEndpointUrlStopsTheLoadNamingTheKeyTheMaskedValueAndWhatIsAllowed() throws Exception {
        // each of these passed the old prefix check and failed later, on a background thread
        Map<String, String> bad = Map.of(
                "ws://127.0.0.1:87 01", "contains a space at position 18",
                "ws://", "not a URL",
                "ws:127.0.0.1", "no host",
                "ws://my_host:8701", "not a host name",
                "ws://127.0.0.1:70000", "port 70000",
                "ws://user:pw@127.0.0.1:8701", "user name or password",
                "ws://127.0.0.1:8701/#x", "fragment",
                "wss://ws example/?access_token=SeCrEtToKeN123", "contains a space",
                "http://127.0.0.1:8701", "scheme 'http' is not allowed");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of("KITE_WS_URL", e.getKey()), Map.of()))
                    .as(e.getKey()).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("KITE_WS_URL = '")
                    .hasMessageContaining(e.getValue())
                    .hasMessageContaining("Allowed: wss://HOST[:PORT][/PATH] or ws://HOST[:PORT][/PATH]")
                    .satisfies(x -> assertThat(x.getMessage()).doesNotContain("SeCrEtToKeN123"));
        }
        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of("KITE_REST_URL", "https://api.example/?access_token=SeCrEtToKeN123"),
                Map.of())).hasMessageContaining("KITE_REST_URL = 'https://api.example/?access_token=****'").hasMessageContaining("query");
        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of("KITE_REST_URL", "ftp://files.example"), Map.of()))
                .hasMessageContaining("KITE_REST_URL = 'ftp://files.example'").hasMessageContaining("scheme 'ftp'")
                .hasMessageContaining("https://HOST[:PORT][/PATH] or http://HOST[:PORT][/PATH], e.g. https://api.kite.trade");

        Files.writeString(dir.resolve(".env"), "KITE_REST_URL=https://api.example .com\n");
        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of(), Map.of()))
                .as("from .env").hasMessageStartingWith("KITE_REST_URL = 'https://api.example .com'");
        Files.delete(dir.resolve(".env"));
        properties("kite.ws.url = wss://ws example\n");
        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of(), Map.of()))
                .hasMessageStartingWith("config/scanner.properties: kite.ws.url = 'wss://ws example'");

        ScannerConfig ok = ConfigLoader.load(dir, Map.of("KITE_WS_URL", "WSS://ws.kite.trade/", "KITE_REST_URL", "https://api.kite.trade/v3"),
                Map.of());
        assertThat(ok.kite().wsUrl()).isEqualTo("WSS://ws.kite.trade");
        assertThat(ok.kite().restUrl()).isEqualTo("https://api.kite.trade/v3");
    }

    @Test
    void malformedDotEnvLineIsReportedWithItsNumber() throws Exception {
        Files.writeString(dir.resolve(".env"), "ZERODHA_API_KEY=a\nthis is not a pair\n");
        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of(), Map.of()))
                .hasMessageContaining("line 2").hasMessageContaining("KEY=VALUE");
    }
}
