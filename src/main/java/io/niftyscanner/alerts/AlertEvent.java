package io.niftyscanner.alerts;

import java.util.List;

/**
 * An alert as it was raised: the channels it went to, and those that were muted. Channels that could not deliver
 * (no audio device, no notification service) are in neither list.
 */
public record AlertEvent(Alert alert, List<String> channels, List<String> muted) {
    public AlertEvent {
        channels = List.copyOf(channels);
        muted = List.copyOf(muted);
    }
}
