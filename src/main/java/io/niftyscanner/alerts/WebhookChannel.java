package io.niftyscanner.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;

/**
 * A JSON POST to any URL (n8n, Zapier, a Slack-compatible webhook, the trader's own server). The body carries the
 * alert's fields as in the {@code --json} line plus {@code text}, a one-line summary for chat-style receivers. Only
 * the URL's scheme, host and port are ever shown (webhook paths often hold a secret).
 */
public final class WebhookChannel implements AlertChannel {
    public static final String NAME = "webhook";
    private final URI url;
    private final HttpPoster poster;

    public WebhookChannel(String url, Duration timeout) {
        this.url = URI.create(url);
        this.poster = new HttpPoster(timeout);
    }

    @Override
    public String name() {
        return NAME;
    }

    static ObjectNode body(Alert a) {
        ObjectNode n = AlertJson.fields(a);
        if (a.rule() != null && !a.rule().isBlank()) {
            n.put("rule", a.rule());
        }
        n.put("text", a.title() + " · " + a.body().replace('\n', ' '));
        return n;
    }

    /** scheme://host:port, for messages. */
    public static String origin(String url) {
        try {
            URI u = URI.create(url);
            return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "(invalid URL)";
        }
    }

    @Override
    public Delivery deliver(Alert alert) throws InterruptedException {
        Delivery d = poster.post(url, body(alert).toString());
        String where = " (" + origin(url.toString()) + ")";
        if (d instanceof Delivery.Failed f) {
            return Delivery.failed(f.reason() + where);
        }
        if (d instanceof Delivery.Retry r) {
            return Delivery.retry(r.reason() + where, r.notBefore());
        }
        return d;
    }

    @Override
    public String toString() {
        return "WebhookChannel[" + origin(url.toString()) + "]";
    }
}
