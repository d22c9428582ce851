package io.niftyscanner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EndpointUrls' transport step: http:// and ws:// only to this machine; else https/wss, or kite.allow_insecure with a warning. */
class ClearTextUrlsTest {
    @TempDir
    Path dir;

    private ScannerConfig load(Map<String, String> env) {
        return ConfigLoader.load(dir, env, Map.of());
    }

    @Test
    void clearTextIsAcceptedOnlyForLoopbackHosts() {
        for (String ok : new String[] {"http://127.0.0.1:8700", "http://127.1.2.3/", "http://localhost:8700/x", "http://[::1]:8700",
                "https://api.kite.trade", "https://kite.example.com:8443"}) {
            assertThat(load(Map.of("KITE_REST_URL", ok)).kite().restUrl()).as(ok).isEqualTo(ok.replaceAll("/$", ""));
        }
        for (String ok : new String[] {"ws://127.0.0.1:8701", "ws://localhost:8701", "ws://[::1]:8701", "wss://ws.kite.trade"}) {
            assertThat(load(Map.of("KITE_WS_URL", ok)).kite().wsUrl()).as(ok).isEqualTo(ok);
        }
        assertThat(load(Map.of("KITE_REST_URL", "http://127.0.0.1:8700")).warnings()).isEmpty();
    }

    @Test
    void clearTextToAnotherHostIsRefusedWithTheFix() {
        for (String bad : new String[] {"http://api.kite.trade", "http://192.168.1.20:8700", "http://128.0.0.1",
                "http://127.0.0.1.attacker.example", "http://localhost.attacker.example", "http://[::2]:80"}) {
            assertThatThrownBy(() -> load(Map.of("KITE_REST_URL", bad))).as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("KITE_REST_URL").hasMessageContaining("clear text").hasMessageContaining("https://")
                    .hasMessageContaining("kite.allow_insecure = true");
        }
        assertThatThrownBy(() -> load(Map.of("KITE_WS_URL", "ws://ticker.example.com/?access_token=abcdefgh12345678")))
                .hasMessageContaining("KITE_WS_URL").hasMessageContaining("wss://").hasMessageNotContaining("abcdefgh12345678");
    }

    @Test
    void allowInsecureLetsItThroughAndWarnsAtEveryLoad() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/scanner.properties"), "kite.allow_insecure = true\n");
        ScannerConfig c = load(Map.of("KITE_REST_URL", "http://192.168.1.20:8700", "KITE_WS_URL", "ws://192.168.1.20:8701"));
        assertThat(c.kite().allowInsecure()).isTrue();
        assertThat(c.kite().restUrl()).isEqualTo("http://192.168.1.20:8700");
        assertThat(c.warnings()).singleElement().satisfies(w -> assertThat(w).contains("kite.allow_insecure = true")
                .contains("clear text").contains("http://192.168.1.20:8700").contains("ws://192.168.1.20:8701"));
        assertThat(load(Map.of("KITE_REST_URL", "http://192.168.1.20:8700")).warnings()).hasSize(1);
        assertThat(load(Map.of()).warnings()).singleElement().satisfies(w -> assertThat(w).contains("remove the setting"));
    }

    @Test
    void loopbackMeansThisMachineOnlyWithoutAskingDns() {
        assertThat(EndpointUrls.isLoopback("127.0.0.1")).isTrue();
        assertThat(EndpointUrls.isLoopback("127.255.255.254")).isTrue();
        assertThat(EndpointUrls.isLoopback("LOCALHOST")).isTrue();
        assertThat(EndpointUrls.isLoopback("[::1]")).isTrue();
        assertThat(EndpointUrls.isLoopback("127.0.0.256")).isFalse();
        assertThat(EndpointUrls.isLoopback("0.0.0.0")).isFalse();
        assertThat(EndpointUrls.isLoopback("10.0.0.1")).isFalse();
        assertThat(EndpointUrls.isLoopback("myhost")).isFalse();
    }
}
