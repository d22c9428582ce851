package io.niftyscanner.orders;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.PriorityQueue;

/**
 * A {@link TaskRunner} on a hand-moved clock: tasks run on the caller's thread, one at a time (a task handed in while
 * another runs waits its turn), and scheduled tasks run when the test moves the clock past their time.
 */
final class ManualTaskRunner implements TaskRunner {
    private record Timed(long at, long seq, Runnable task) {}

    private final FakeClock clock;
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final PriorityQueue<Timed> timed = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
            : Long.compare(a.seq, b.seq));
    private long seq;
    private boolean running;
    private boolean closed;

    ManualTaskRunner(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (closed) {
                return;
            }
            queue.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = queue.poll();
                    if (next == null) {
                        running = false;
                        return;
                    }
                }
                next.run();
            }
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                running = false;
            }
            throw e;
        }
    }

    @Override
    public synchronized void schedule(Runnable task, long delayMillis) {
        if (!closed) {
            timed.add(new Timed(clock.millis() + Math.max(0, delayMillis), seq++, task));
        }
    }

    /** Moves the clock forward, running every scheduled task that falls due, in time order. */
    void advance(long millis) {
        long target = clock.millis() + millis;
        while (true) {
            Timed next;
            synchronized (this) {
                next = timed.peek();
                if (next == null || next.at > target) {
                    break;
                }
                timed.poll();
            }
            if (next.at > clock.millis()) {
                clock.set(next.at);
            }
            execute(next.task);
        }
        if (clock.millis() < target) {
            clock.set(target);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        queue.clear();
        timed.clear();
    }
}
