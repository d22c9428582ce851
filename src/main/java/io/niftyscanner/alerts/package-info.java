/**
 * Alerts: one {@link io.niftyscanner.alerts.AlertService} that turns a journaled signal into an alert on every
 * channel (in-window, desktop notification, sound, Telegram, webhook), with per-symbol cooldown and mute. Each channel
 * runs on its own thread, so a slow or failing one never delays another, the journal or the engine. The in-window
 * channel lives in {@code ui} (this package stays free of JavaFX).
 */
package io.niftyscanner.alerts;
