package io.niftyscanner.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;

/**
 * A message from the trader's Telegram bot ({@code POST {api}/bot{token}/sendMessage}), for a trader away from the
 * screen. The bot token never appears in a log or message: the URL is never shown and the token is masked out of
 * every reason.
 */
public final class TelegramChannel implements AlertChannel {
    public static final String NAME = "telegram";
    private final URI sendMessage;
    private final String token;
    private final String chatId;
    private final HttpPoster poster;

    /**
     * @param apiUrl  Telegram's Bot API base, {@code https://api.telegram.org} (a local server in tests)
     * @param token   the bot token from BotFather
     * @param chatId  the chat, group or channel the bot writes to (a number, or {@code @channelname})
     * @param timeout connect and request timeout
     */
    public TelegramChannel(String apiUrl, String token, String chatId, Duration timeout) {
        String base = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.sendMessage = URI.create(base + "/bot" + token + "/sendMessage");
        this.token = token;
        this.chatId = chatId;
        this.poster = new HttpPoster(timeout);
    }

    @Override
    public String name() {
        return NAME;
    }

    static String text(Alert a) {
        return (a.side() == io.niftyscanner.market.Side.BUY ? "\uD83D\uDFE2 " : "\uD83D\uDD34 ") + a.title() + "\n" + a.body();
    }

    @Override
    public Delivery deliver(Alert alert) throws InterruptedException {
        ObjectNode body = AlertJson.JSON.createObjectNode();
        body.put("chat_id", chatId);
        body.put("text", text(alert));
        body.put("disable_web_page_preview", true);
        return scrub(poster.post(sendMessage, body.toString()));
    }

    private Delivery scrub(Delivery d) {
        if (d instanceof Delivery.Failed f) {
            return Delivery.failed(mask(f.reason()));
        }
        if (d instanceof Delivery.Retry r) {
            return Delivery.retry(mask(r.reason()), r.notBefore());
        }
        return d;
    }

    private String mask(String reason) {
        return reason == null || token.isEmpty() ? reason : reason.replace(token, "****");
    }

    @Override
    public String toString() {
        return "TelegramChannel[chat " + chatId + "]";
    }
}
