package io.niftyscanner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert keys of scanner.properties and the Telegram secrets of .env. */
class AlertsConfigTest {
    private static final String TOKEN = "7312345678:AAHsecretBotTokenValue_x9";

    @TempDir
    Path dir;

    @Test
    void defaults() {
        ScannerConfig.Alerts a = ConfigLoader.load(dir, Map.of(), Map.of()).alerts();
        assertThat(a.sound()).isTrue();
        assertThat(a.notification()).isTrue();
        assertThat(a.cooldownSeconds()).isZero();
        assertThat(a.telegram().configured()).isFalse();
        assertThat(a.telegram().apiUrl()).isEqualTo("https://api.telegram.org");
        assertThat(a.webhookUrl()).isEmpty();
        assertThat(a.httpAttempts()).isEqualTo(4);
        assertThat(a.httpTimeoutSeconds()).isEqualTo(10);
    }

    @Test
    void telegramFromDotEnvAndItsTokenNeverInTheDump() throws Exception {
        Files.writeString(dir.resolve(".env"), "TELEGRAM_BOT_TOKEN=" + TOKEN + "\nTELEGRAM_CHAT_ID=-1001234567890\n");
        ScannerConfig c = ConfigLoader.load(dir, Map.of(), Map.of("alerts.telegram.api.url", "http://127.0.0.1:9/",
                "alerts.webhook.url", "https://hooks.example.com/services/T0001/s3cr3tpath"));
        assertThat(c.alerts().telegram().configured()).isTrue();
        assertThat(c.alerts().telegram().botToken()).isEqualTo(TOKEN);
        assertThat(c.alerts().telegram().apiUrl()).isEqualTo("http://127.0.0.1:9");
        assertThat(c.alerts().webhookUrl()).isEqualTo("https://hooks.example.com/services/T0001/s3cr3tpath");
        String dump = c.dump().toString();
        assertThat(dump).doesNotContain(TOKEN).doesNotContain("AAHsecret").doesNotContain("s3cr3tpath")
                .contains("botToken=****e_x9").contains("chatId=-1001234567890").contains("https://hooks.example.com/****");
    }

    @Test
    void telegramCanBeSwitchedOffWithoutRemovingTheSecrets() {
        ScannerConfig c = ConfigLoader.load(dir, Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_CHAT_ID", "42"),
                Map.of("alerts.telegram", "false"));
        assertThat(c.alerts().telegram().configured()).isFalse();
    }

    @Test
    void theWebhookMayComeFromTheEnvironment() {
        ScannerConfig c = ConfigLoader.load(dir, Map.of("ALERTS_WEBHOOK_URL", "http://127.0.0.1:8080/alerts"),
                Map.of("alerts.webhook.url", "https://ignored.example.com/x"));
        assertThat(c.alerts().webhookUrl()).isEqualTo("http://127.0.0.1:8080/alerts");
    }

    @Test
    void badAlertValuesAreExplainedWithoutEchoingAWebhookSecret() {
        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of(), Map.of("alerts.webhook.url", "hooks.example.com/T0001/s3cr3tpath")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerts.webhook.url").hasMessageContaining("https://")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3tpath"));
        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of(), Map.of("alerts.http.attempts", "0")))
                .hasMessageContaining("alerts.http.attempts").hasMessageContaining("1 to 10");
        assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of(), Map.of("alerts.telegram.api.url", "api.telegram.org")))
                .hasMessageContaining("alerts.telegram.api.url");
    }
}
