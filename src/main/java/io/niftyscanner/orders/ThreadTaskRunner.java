package io.niftyscanner.orders;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link TaskRunner} on one daemon thread named "orders". */
public final class ThreadTaskRunner implements TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadTaskRunner.class);
    private final java.util.concurrent.ScheduledThreadPoolExecutor executor = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "orders");
        t.setDaemon(true);
        return t;
    });

    public ThreadTaskRunner() {
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // closing does not wait for timers
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closed) {
            LOG.debug("orders thread closed: task dropped");
        }
    }

    @Override
    public void schedule(Runnable task, long delayMillis) {
        try {
            executor.schedule(task, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            LOG.debug("orders thread closed: scheduled task dropped");
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
