package io.niftyscanner.alerts;

import io.niftyscanner.config.Secrets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one channel on its own thread: delivers, retries what is worth retrying after the policy's backoff (scheduled,
 * so the thread is free meanwhile), and logs failures with their reason. A run of failures with the same reason is
 * logged as a warning once, then quietly, until the channel delivers again.
 */
final class ChannelRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelRunner.class);

    /** Runs a task after a delay; the seam tests use to see the backoff without waiting for it. */
    interface Timer {
        void after(Duration delay, Runnable task);
    }

    private final AlertChannel channel;
    private final RetryPolicy policy;
    private final int maxPending;
    private final ScheduledExecutorService thread;
    private final Timer timer;
    private final BiConsumer<String, String> notices;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private String lastFailure;
    private int repeats;

    ChannelRunner(AlertChannel channel, RetryPolicy policy, Timer timer, int maxPending, BiConsumer<String, String> notices) {
        this.channel = channel;
        this.policy = policy;
        this.maxPending = maxPending;
        this.notices = notices;
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "alert-" + channel.name());
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        this.thread = t;
        this.timer = timer != null ? timer : (delay, task) -> thread.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    String name() {
        return channel.name();
    }

    AlertChannel channel() {
        return channel;
    }

    /** Queues the alert; false (and a warning) when the channel is too far behind to take it. Never blocks. */
    boolean submit(Alert alert) {
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            dropped.incrementAndGet();
            LOG.warn("alert {} {}: {} is {} alerts behind; this one is skipped on that channel", alert.side(), alert.symbol(),
                    channel.name(), maxPending);
            return false;
        }
        try {
            thread.execute(() -> attempt(alert, 1));
            return true;
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            pending.decrementAndGet();
            return false;
        }
    }

    private void attempt(Alert alert, int n) {
        attempts.incrementAndGet();
        Delivery d;
        try {
            d = channel.deliver(alert);
        } catch (Exception | LinkageError e) {
            d = Delivery.failed(describe(e));
        }
        if (d instanceof Delivery.Delivered) {
            recovered();
            delivered.incrementAndGet();
            pending.decrementAndGet();
        } else if (d instanceof Delivery.Retry r && n < policy.attempts()) {
            Duration wait = policy.delayBefore(n + 1, r.notBefore());
            LOG.info("alert {} {}: {} attempt {} of {} failed: {}; trying again in {} ms", alert.side(), alert.symbol(),
                    channel.name(), n, policy.attempts(), r.reason(), wait.toMillis());
            try {
                timer.after(wait, () -> attempt(alert, n + 1));
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                finalFailure(alert, r.reason() + " (shutting down before the retry)");
            }
        } else {
            String reason = d instanceof Delivery.Retry r ? r.reason() + " (gave up after " + n + " attempts)"
                    : ((Delivery.Failed) d).reason();
            finalFailure(alert, reason);
        }
    }

    /** Logs (and, for a new reason, tells the trader) before counting, so a count seen means the failure was reported. */
    private void finalFailure(Alert alert, String reason) {
        String safe = Secrets.redact(reason);
        boolean isNew;
        synchronized (this) {
            isNew = !safe.equals(lastFailure);
            if (isNew) {
                lastFailure = safe;
                repeats = 0;
            } else {
                repeats++;
            }
        }
        if (isNew) {
            LOG.warn("alert {} {}: {} failed: {}", alert.side(), alert.symbol(), channel.name(), safe);
            notices.accept(channel.name(), channel.name() + " alerts are failing: " + safe);
        } else {
            LOG.info("alert {} {}: {} failed again: {}", alert.side(), alert.symbol(), channel.name(), safe);
        }
        failed.incrementAndGet();
        pending.decrementAndGet();
    }

    private void recovered() {
        String was;
        int n;
        synchronized (this) {
            was = lastFailure;
            n = repeats;
            lastFailure = null;
            repeats = 0;
        }
        if (was != null) {
            LOG.info("{} alerts work again (after {} failure{}: {})", channel.name(), n + 1, n == 0 ? "" : "s", was);
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    ChannelStats stats() {
        return new ChannelStats(channel.name(), delivered.get(), failed.get(), dropped.get(), attempts.get(), pending.get());
    }

    /** Stops taking alerts and gives those in hand up to {@code grace} to finish. */
    void close(Duration grace) {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                int left = thread.shutdownNow().size();
                if (left > 0 || pending.get() > 0) {
                    LOG.warn("{}: {} alert(s) not delivered before shutdown", channel.name(), Math.max(left, pending.get()));
                }
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            channel.close();
        } catch (RuntimeException e) {
            LOG.debug("{}: close failed: {}", channel.name(), e.getMessage());
        }
    }
}
