package io.niftyscanner.ui.main;

/**
 * A message across the top of the window: what happened and the one thing to do about it.
 *
 * @param key        identifies the situation, so a dismissed banner stays away until the situation changes
 * @param actionText the button's text, or null for none
 * @param action     what the button does
 */
public record Banner(String key, Kind kind, String message, String actionText, Runnable action) {
    public enum Kind { ERROR, WARNING, INFO }
}
