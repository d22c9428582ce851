package io.niftyscanner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Snapshots of the closed-candle deque never change, whatever the engine does to the deque afterwards. */
class SharedTailDequeTest {

    /** Random operations against ArrayDeque as the model; every snapshot taken keeps the contents it had. */
    @Property(tries = 200)
    void behavesLikeADequeAndSnapshotsNeverChange(@ForAll @Size(max = 400) List<@IntRange(min = 0, max = 5) Integer> ops) {
        SharedTailDeque<Integer> deque = new SharedTailDeque<>();
        ArrayDeque<Integer> model = new ArrayDeque<>();
        List<List<Integer>> snapshots = new ArrayList<>();
        List<List<Integer>> expected = new ArrayList<>();
        int next = 0;
        for (int op : ops) {
            switch (op) {
                case 0, 1 -> {
                    deque.addLast(next);
                    model.addLast(next);
                    next++;
                    if (model.size() > 20) { // the engine keeps a bounded tail
                        assertThat(deque.removeFirst()).isEqualTo(model.removeFirst());
                    }
                }
                case 2 -> {
                    if (!model.isEmpty()) {
                        assertThat(deque.removeLast()).isEqualTo(model.removeLast());
                    }
                }
                case 3 -> {
                    snapshots.add(deque.snapshot());
                    expected.add(List.copyOf(model));
                }
                case 4 -> {
                    if (!model.isEmpty()) {
                        assertThat(deque.removeFirst()).isEqualTo(model.removeFirst());
                    }
                }
                default -> {
                    if (next % 7 == 0) {
                        deque.clear();
                        model.clear();
                    }
                }
            }
            assertThat(deque).containsExactlyElementsOf(model);
            assertThat(deque.peekFirst()).isEqualTo(model.peekFirst());
            assertThat(deque.peekLast()).isEqualTo(model.peekLast());
        }
        assertThat(snapshots).isEqualTo(expected);
    }

    @Test
    void aSnapshotIsReadOnlyAndSeesNoLaterAppend() {
        SharedTailDeque<String> deque = new SharedTailDeque<>();
        deque.addLast("a");
        deque.addLast("b");
        List<String> snapshot = deque.snapshot();
        deque.removeLast();
        deque.addLast("c");
        deque.addLast("d");
        assertThat(snapshot).containsExactly("a", "b");
        assertThat(deque).containsExactly("a", "c", "d");
        assertThatThrownBy(() -> snapshot.add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> snapshot.set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(SharedTailDeque.isSnapshot(snapshot)).isTrue();
        assertThat(SharedTailDeque.isSnapshot(new java.util.ArrayList<>(snapshot))).isFalse();
    }
}
