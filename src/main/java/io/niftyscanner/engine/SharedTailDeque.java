package io.niftyscanner.engine;

import java.util.AbstractCollection;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.RandomAccess;

/**
 * A deque of the engine thread's closed candles (or their indicator values) whose {@link #snapshot()} costs nothing:
 * the snapshot is an immutable list over the live array, and the deque never writes where a snapshot can see. Appends
 * go past every snapshot's end and dropping the oldest only moves the start; removing the newest or clearing first
 * copies the array if a snapshot shares it. Copying the last 200 candles of 9,000 instruments into every snapshot after
 * a 5-minute close was the engine's worst stall (issue 12).
 */
final class SharedTailDeque<T> extends AbstractCollection<T> {
    private static final int MIN_CAPACITY = 16;

    private Object[] items = new Object[MIN_CAPACITY];
    private int from;
    private int to;
    /** A snapshot may still read items[from, to): no write there until the array is replaced. */
    private boolean shared;

    void addLast(T item) {
        if (to == items.length) {
            reallocate(Math.max(MIN_CAPACITY, 2 * size() + 1));
        }
        items[to++] = item;
    }

    T removeFirst() {
        if (from == to) {
            throw new NoSuchElementException();
        }
        T first = at(from);
        if (!shared) {
            items[from] = null;
        }
        from++;
        return first;
    }

    T removeLast() {
        if (from == to) {
            throw new NoSuchElementException();
        }
        unshare();
        T last = at(to - 1);
        items[--to] = null;
        return last;
    }

    T peekFirst() {
        return from == to ? null : at(from);
    }

    T peekLast() {
        return from == to ? null : at(to - 1);
    }

    /** The i-th newest (0 = newest). */
    T newest(int i) {
        return at(to - 1 - i);
    }

    @Override
    public void clear() {
        items = new Object[MIN_CAPACITY];
        from = 0;
        to = 0;
        shared = false;
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    public boolean isEmpty() {
        return from == to;
    }

    @Override
    public boolean add(T item) {
        addLast(item);
        return true;
    }

    @Override
    public Iterator<T> iterator() {
        return SharedTailDeque.<T>snapshotOf(items, from, to).iterator();
    }

    /** An immutable list of the current items, sharing this deque's array. */
    java.util.List<T> snapshot() {
        shared = true;
        return snapshotOf(items, from, to);
    }

    /** Whether the list is a {@link #snapshot()} (immutable, never changed by the deque). */
    static boolean isSnapshot(java.util.List<?> list) {
        return list instanceof Window;
    }

    private void unshare() {
        if (shared) {
            reallocate(Math.max(MIN_CAPACITY, 2 * size()));
        }
    }

    private void reallocate(int capacity) {
        Object[] next = new Object[capacity];
        System.arraycopy(items, from, next, 0, to - from);
        to -= from;
        from = 0;
        items = next;
        shared = false;
    }

    @SuppressWarnings("unchecked")
    private T at(int i) {
        return (T) items[i];
    }

    private static <T> java.util.List<T> snapshotOf(Object[] items, int from, int to) {
        return new Window<>(items, from, to);
    }

    /** items[from, to) of an array nobody writes there any more. */
    private static final class Window<T> extends AbstractList<T> implements RandomAccess {
        private final Object[] items;
        private final int from;
        private final int to;

        Window(Object[] items, int from, int to) {
            this.items = items;
            this.from = from;
            this.to = to;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            if (index < 0 || index >= to - from) {
                throw new IndexOutOfBoundsException("index " + index + ", size " + (to - from));
            }
            return (T) items[from + index];
        }

        @Override
        public int size() {
            return to - from;
        }

        @Override
        public Object[] toArray() {
            return Arrays.copyOfRange(items, from, to);
        }
    }
}
