package io.niftyscanner.alerts;

import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns signals into alerts. Every signal that is neither a repeat nor inside its symbol's cooldown becomes one alert,
 * logged, handed to every channel that is not muted and can deliver, and reported to the listeners (the JSON line, the
 * journal's signal-to-alert timing). Channels run on their own threads; {@link #onSignal} only queues and never blocks.
 *
 * <p>Cooldown is per symbol and side, on the wall clock: a second BUY for RELIANCE within the cooldown is suppressed,
 * a SELL for RELIANCE is not (a reversal is news).
 */
public final class AlertService implements AutoCloseable {
    /** The name that mutes every channel at once. */
    public static final String ALL = "all";
    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    private static final int SIGNALS_REMEMBERED = 10_000;
    private static final int MAX_PENDING_PER_CHANNEL = 50;

    private final Clock clock;
    private final Duration cooldown;
    private final List<ChannelRunner> runners = new CopyOnWriteArrayList<>();
    private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<String> muted = ConcurrentHashMap.newKeySet();
    private final Map<String, String> reportedUnavailable = new ConcurrentHashMap<>();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> lastAlert = new HashMap<>();
    private final Map<String, Boolean> seen = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > SIGNALS_REMEMBERED;
        }
    };
    private volatile boolean closed;

    /**
     * @param clock    wall clock for alert times and the cooldown
     * @param cooldown minimum time between two alerts for the same symbol and side (zero: every signal alerts)
     */
    public AlertService(Clock clock, Duration cooldown) {
        this.clock = clock;
        this.cooldown = cooldown;
    }

    /** Adds a channel that is tried once per alert. */
    public AlertService addChannel(AlertChannel channel) {
        return addChannel(channel, RetryPolicy.NONE);
    }

    public AlertService addChannel(AlertChannel channel, RetryPolicy retries) {
        return addChannel(channel, retries, null);
    }

    /** As {@link #addChannel(AlertChannel, RetryPolicy)}, with the timer that schedules retries (tests). */
    AlertService addChannel(AlertChannel channel, RetryPolicy retries, ChannelRunner.Timer timer) {
        for (ChannelRunner r : runners) {
            if (r.name().equals(channel.name())) {
                throw new IllegalArgumentException("an alert channel named '" + channel.name() + "' is already registered");
            }
        }
        runners.add(new ChannelRunner(channel, retries, timer, MAX_PENDING_PER_CHANNEL, this::notice));
        checkAvailable(channel);
        return this;
    }

    public void addListener(AlertListener listener) {
        listeners.add(listener);
    }

    public void removeListener(AlertListener listener) {
        listeners.remove(listener);
    }

    /** The registered channels' names, in the order they were added. */
    public List<String> channels() {
        return runners.stream().map(ChannelRunner::name).toList();
    }

    /** Mutes or unmutes one channel by name, or all of them with {@link #ALL}. Takes effect from the next alert. */
    public void mute(String channel, boolean mute) {
        if (mute) {
            muted.add(channel);
        } else {
            muted.remove(channel);
        }
        LOG.info("alerts: {} {}", ALL.equals(channel) ? "all channels" : channel, mute ? "muted" : "unmuted");
    }

    public boolean isMuted(String channel) {
        return muted.contains(channel);
    }

    /** What the trader has been told once (channels that cannot deliver, new failures), oldest first. */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    public ChannelStats stats(String channel) {
        for (ChannelRunner r : runners) {
            if (r.name().equals(channel)) {
                return r.stats();
            }
        }
        throw new IllegalArgumentException("no alert channel named '" + channel + "'");
    }

    /**
     * Raises the alert for a signal that has been journaled. Returns what was raised, or null when the signal was a
     * repeat or inside its cooldown (both logged). Never blocks: channels deliver on their own threads.
     */
    public AlertEvent onSignal(Signal signal) {
        if (closed) {
            return null;
        }
        Instant now = clock.instant();
        String suppressed = admit(signal, now);
        if (suppressed != null) {
            LOG.info("alert {} {} suppressed: {}", signal.side(), signal.symbol(), suppressed);
            return null;
        }
        Alert alert = Alert.of(signal, now);
        boolean all = muted.contains(ALL);
        List<String> sent = new ArrayList<>();
        List<String> mutedNow = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (ChannelRunner r : runners) {
            if (all || muted.contains(r.name())) {
                mutedNow.add(r.name());
            } else if (!checkAvailable(r.channel())) {
                unavailable.add(r.name());
            } else if (r.submit(alert)) {
                sent.add(r.name());
            }
        }
        LOG.info("alert {} {} at {} (signal {}, {} ms later) -> {}{}{}", alert.side(), alert.symbol(), Alert.rupees(alert.price()),
                alert.signalTime(), alert.signalToAlertMillis(), sent.isEmpty() ? "no channel" : String.join(", ", sent),
                mutedNow.isEmpty() ? "" : "; muted: " + String.join(", ", mutedNow),
                unavailable.isEmpty() ? "" : "; unavailable: " + String.join(", ", unavailable));
        AlertEvent event = new AlertEvent(alert, sent, mutedNow);
        for (AlertListener l : listeners) {
            try {
                l.onAlert(event);
            } catch (RuntimeException e) {
                LOG.warn("alert listener failed: {}", e.toString());
            }
        }
        return event;
    }

    private synchronized String admit(Signal signal, Instant now) {
        if (seen.containsKey(signal.key())) {
            return "already alerted for this signal (" + signal.key() + ")";
        }
        String key = signal.symbol() + ":" + signal.side();
        Instant last = lastAlert.get(key);
        if (last != null && !cooldown.isZero() && now.isBefore(last.plus(cooldown))) {
            long left = Duration.between(now, last.plus(cooldown)).toSeconds() + 1;
            return "cooldown for " + signal.symbol() + " " + signal.side() + " (" + cooldown.toSeconds() + " s, " + left
                    + " s left)";
        }
        seen.put(signal.key(), Boolean.TRUE);
        lastAlert.put(key, now);
        return null;
    }

    /** The last time an alert went out for this symbol and side (null: none yet). */
    public synchronized Instant lastAlert(String symbol, Side side) {
        return lastAlert.get(symbol + ":" + side);
    }

    private boolean checkAvailable(AlertChannel channel) {
        String reason;
        try {
            reason = channel.unavailableReason();
        } catch (RuntimeException | LinkageError e) {
            reason = ChannelRunner.describe(e);
        }
        if (reason == null) {
            if (reportedUnavailable.remove(channel.name()) != null) {
                LOG.info("{} alerts are available again", channel.name());
            }
            return true;
        }
        if (!reason.equals(reportedUnavailable.put(channel.name(), reason))) {
            notice(channel.name(), reason);
        }
        return false;
    }

    private void notice(String channel, String text) {
        LOG.warn("alerts: {}", text);
        notices.add(text);
        for (AlertListener l : listeners) {
            try {
                l.onNotice(channel, text);
            } catch (RuntimeException e) {
                LOG.warn("alert listener failed: {}", e.toString());
            }
        }
    }

    /** Stops taking alerts; gives each channel up to {@code grace} to finish what it holds (they wind down in parallel). */
    public void close(Duration grace) {
        closed = true;
        List<Thread> closing = new ArrayList<>();
        for (ChannelRunner r : runners) {
            Thread t = new Thread(() -> r.close(grace), "alert-close-" + r.name());
            t.setDaemon(true);
            t.start();
            closing.add(t);
        }
        for (Thread t : closing) {
            try {
                t.join(grace.toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(3));
    }
}
