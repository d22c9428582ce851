package io.niftyscanner.alerts;

import java.time.Duration;

/** What became of one delivery attempt. */
public sealed interface Delivery {
    Delivery OK = new Delivered();

    static Delivery failed(String reason) {
        return new Failed(reason);
    }

    /** A failure worth another try (HTTP 429 or 5xx, a network error), not before {@code notBefore}. */
    static Delivery retry(String reason, Duration notBefore) {
        return new Retry(reason, notBefore == null ? Duration.ZERO : notBefore);
    }

    record Delivered() implements Delivery {}

    record Failed(String reason) implements Delivery {}

    record Retry(String reason, Duration notBefore) implements Delivery {}
}
