package io.niftyscanner.feed;

/** Receives every status the supervisor publishes; {@code changed} is false for periodic refreshes (tick rate, ages). */
public interface FeedStatusListener {
    void onStatus(FeedStatus status, boolean changed);
}
