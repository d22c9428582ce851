package io.niftyscanner.app;

import io.niftyscanner.config.Secrets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide handler for exceptions that escape a thread: every one is logged with its stack trace and handed
 * to whoever shows failures (the running scanner shows it as an ERROR status), so no thread dies silently.
 */
public final class UncaughtFailures {
    private static final Logger LOG = LoggerFactory.getLogger(UncaughtFailures.class);
    private static final List<BiConsumer<Thread, Throwable>> SINKS = new CopyOnWriteArrayList<>();
    private static volatile boolean installed;

    private UncaughtFailures() {}

    /** Makes this the default uncaught-exception handler (once; later calls do nothing). */
    public static synchronized void install() {
        if (!installed) {
            Thread.setDefaultUncaughtExceptionHandler(UncaughtFailures::handle);
            installed = true;
        }
    }

    /** Adds a place to show failures until the returned handle is closed. */
    public static AutoCloseable register(BiConsumer<Thread, Throwable> sink) {
        SINKS.add(sink);
        return () -> SINKS.remove(sink);
    }

    static void handle(Thread thread, Throwable error) {
        try {
            LOG.error("thread '{}' stopped by an uncaught {}", thread.getName(), error.getClass().getName(), error);
        } catch (Throwable loggingFailed) {
            System.err.println("thread '" + thread.getName() + "' stopped by an uncaught " + Secrets.redact(String.valueOf(error)));
        }
        for (BiConsumer<Thread, Throwable> sink : SINKS) {
            try {
                sink.accept(thread, error);
            } catch (RuntimeException e) {
                LOG.error("showing the failure of thread '{}' failed", thread.getName(), e);
            }
        }
    }
}
