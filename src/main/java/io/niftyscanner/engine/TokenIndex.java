package io.niftyscanner.engine;

/** Open-addressing map from instrument token to a dense index, without boxing. Built once, read per tick. */
final class TokenIndex {
    private static final long EMPTY = Long.MIN_VALUE;
    private final long[] keys;
    private final int[] values;
    private final int mask;

    TokenIndex(long[] tokens) {
        int capacity = Integer.highestOneBit(Math.max(4, tokens.length * 2) - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        java.util.Arrays.fill(keys, EMPTY);
        for (int i = 0; i < tokens.length; i++) {
            int slot = slot(tokens[i]);
            while (keys[slot] != EMPTY) {
                if (keys[slot] == tokens[i]) {
                    throw new IllegalArgumentException("token " + tokens[i] + " is configured twice");
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = tokens[i];
            values[slot] = i;
        }
    }

    /** The index of the token, or -1. */
    int get(long token) {
        int slot = slot(token);
        while (true) {
            long k = keys[slot];
            if (k == token) {
                return values[slot];
            }
            if (k == EMPTY) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int slot(long token) {
        long h = token * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
