package io.niftyscanner.alerts;

import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.config.Secrets;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert service as the config asks for it: desktop notification and sound (when switched on), Telegram when its
 * bot token and chat id are in .env, a webhook when its URL is set. The window adds its own channel when it opens.
 */
public final class StandardAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(StandardAlerts.class);
    public static final String TELEGRAM_API = "https://api.telegram.org";

    private StandardAlerts() {}

    public static AlertService create(ScannerConfig.Alerts config, Clock clock) {
        AlertService service = new AlertService(clock, Duration.ofSeconds(config.cooldownSeconds()));
        if (config.notification()) {
            service.addChannel(DesktopNotificationChannel.forThisMachine());
        }
        if (config.sound()) {
            service.addChannel(new SoundChannel(new JavaSoundOutput(clock)));
        }
        Duration timeout = Duration.ofSeconds(config.httpTimeoutSeconds());
        RetryPolicy retries = RetryPolicy.http(config.httpAttempts());
        ScannerConfig.Telegram tg = config.telegram();
        if (tg.configured()) {
            service.addChannel(new TelegramChannel(tg.apiUrl().isEmpty() ? TELEGRAM_API : tg.apiUrl(), tg.botToken(), tg.chatId(),
                    timeout), retries);
        } else if (tg.enabled() && (!tg.botToken().isEmpty() || !tg.chatId().isEmpty())) {
            LOG.warn("Telegram alerts are off: {} is set but {} is not. Put both in .env (see .env.example).",
                    tg.botToken().isEmpty() ? "TELEGRAM_CHAT_ID" : "TELEGRAM_BOT_TOKEN",
                    tg.botToken().isEmpty() ? "TELEGRAM_BOT_TOKEN" : "TELEGRAM_CHAT_ID");
        }
        if (!config.webhookUrl().isEmpty()) {
            service.addChannel(new WebhookChannel(config.webhookUrl(), timeout), retries);
        }
        LOG.info("alerts: channels {} (cooldown {} s, webhook {})", service.channels(), config.cooldownSeconds(),
                config.webhookUrl().isEmpty() ? "off" : Secrets.urlOrigin(config.webhookUrl()));
        return service;
    }
}
