package io.niftyscanner.orders;

/**
 * The executor's one thread: tasks run one at a time, in order. Tests use a runner on a hand-moved clock.
 */
public interface TaskRunner extends AutoCloseable {
    void execute(Runnable task);

    /** Runs the task once, after the delay. */
    void schedule(Runnable task, long delayMillis);

    @Override
    void close();
}
