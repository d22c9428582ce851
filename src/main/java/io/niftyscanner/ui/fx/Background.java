package io.niftyscanner.ui.fx;

import io.niftyscanner.ui.FxThread;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the window's blocking work (fetches, logins, mode switches, exports) off the FX thread on named daemon threads,
 * and hands the result or the failure back on the FX thread.
 */
public final class Background {
    private static final Logger LOG = LoggerFactory.getLogger(Background.class);
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ui-task-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private Background() {}

    /** Runs {@code task}; on the FX thread then {@code onDone} with its result or {@code onFailure} with its failure. */
    public static <T> void run(String what, Callable<T> task, Consumer<T> onDone, Consumer<Throwable> onFailure) {
        POOL.execute(() -> {
            try {
                T result = task.call();
                FxThread.run(() -> onDone.accept(result));
            } catch (Exception e) {
                if (e instanceof RuntimeException && !(e instanceof io.niftyscanner.config.ConfigException)) {
                    LOG.warn("{} failed: {}", what, e.toString(), e);
                } else {
                    LOG.warn("{} failed: {}", what, e.toString());
                }
                FxThread.run(() -> onFailure.accept(e));
            }
        });
    }

    /** Fire and forget: failures are logged. */
    public static void run(String what, Runnable task) {
        run(what, () -> {
            task.run();
            return null;
        }, r -> {}, e -> {});
    }
}
