package io.niftyscanner.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one way onto the FX thread: {@link #run} runs UI work now if already there, later otherwise; {@link #latest}
 * coalesces a stream of values so that at most one hop is pending and the FX thread only sees the newest value.
 */
public final class FxThread {
    private FxThread() {}

    public static void run(Runnable task) {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    }

    /** Runs UI work on a later turn of the FX thread, even when called on it (e.g. from a pulse listener). */
    public static void later(Runnable task) {
        Platform.runLater(task);
    }

    /** Delivers posted values on the FX thread, newest only. */
    public static <T> Latest<T> latest(Consumer<T> onFx, BinaryOperator<T> merge) {
        return new Latest<>(onFx, merge, FxThread::run);
    }

    /**
     * Coalesces values posted from any thread: while a delivery is pending, a new value is merged into the pending
     * one instead of queuing another hop, so a busy FX thread is never flooded.
     */
    public static final class Latest<T> {
        private final AtomicReference<T> pending = new AtomicReference<>();
        private final Consumer<T> consumer;
        private final BinaryOperator<T> merge;
        private final Executor executor;

        /** @param executor how to reach the consumer's thread ({@code FxThread::run}; tests pass a direct executor) */
        public Latest(Consumer<T> consumer, BinaryOperator<T> merge, Executor executor) {
            this.consumer = consumer;
            this.merge = merge;
            this.executor = executor;
        }

        /** @param merge (older pending, newer) to the value to deliver */
        public void post(T value) {
            Objects.requireNonNull(value);
            T previous = pending.getAndUpdate(old -> old == null ? value : merge.apply(old, value));
            if (previous == null) {
                executor.execute(this::deliver);
            }
        }

        private void deliver() {
            T value = pending.getAndSet(null);
            if (value != null) {
                consumer.accept(value);
            }
        }
    }
}
