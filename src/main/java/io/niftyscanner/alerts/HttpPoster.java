package io.niftyscanner.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs a JSON body and turns the answer into a {@link Delivery}: 2xx delivered; 429 and 5xx, and network errors,
 * worth a retry (honouring Retry-After, or Telegram's {@code parameters.retry_after}); other codes failed, with the
 * server's own description. Messages never contain the URL (a Telegram URL carries the bot token).
 */
final class HttpPoster {
    private static final int MAX_BODY_SHOWN = 200;
    private final HttpClient client;
    private final Duration timeout;

    HttpPoster(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Delivery post(URI uri, String json) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "NIFTY-Scanner")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Delivery.retry(ChannelRunner.describe(e), Duration.ZERO);
        }
        int code = response.statusCode();
        if (code >= 200 && code < 300) {
            return Delivery.OK;
        }
        String why = "HTTP " + code + describeBody(response.body());
        if (code == 429 || code >= 500) {
            return Delivery.retry(why, retryAfter(response));
        }
        return Delivery.failed(why);
    }

    /** Telegram's {"ok":false,"description":"…"} becomes ": …"; any other body is shown short. */
    private static String describeBody(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode n = AlertJson.JSON.readTree(body);
            if (n.hasNonNull("description")) {
                return ": " + n.get("description").asText();
            }
        } catch (IOException | RuntimeException notJson) {
            // shown as text below
        }
        String text = body.strip().replaceAll("\\s+", " ");
        return ": " + (text.length() > MAX_BODY_SHOWN ? text.substring(0, MAX_BODY_SHOWN) + "…" : text);
    }

    static Duration retryAfter(HttpResponse<String> response) {
        String header = response.headers().firstValue("Retry-After").orElse(null);
        if (header != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
            } catch (NumberFormatException httpDate) {
                // an HTTP date: fall back to the backoff
            }
        }
        try {
            JsonNode n = AlertJson.JSON.readTree(response.body());
            JsonNode after = n.path("parameters").path("retry_after");
            if (after.canConvertToLong()) {
                return Duration.ofSeconds(Math.max(0, after.asLong()));
            }
        } catch (IOException | RuntimeException notJson) {
            // no hint in the body
        }
        return Duration.ZERO;
    }
}
