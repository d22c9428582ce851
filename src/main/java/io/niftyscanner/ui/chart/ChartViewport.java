package io.niftyscanner.ui.chart;

/**
 * Which candles the chart shows: a window of {@code visible} candles ending {@code offset} candles before the newest.
 * Offset 0 follows the market (the forming candle stays at the right edge). Pure arithmetic, tested without a toolkit.
 */
final class ChartViewport {
    static final int MIN_VISIBLE = 20;
    static final int DEFAULT_VISIBLE = 100;

    private int visible = DEFAULT_VISIBLE;
    private int offset;

    int visible() {
        return visible;
    }

    int offset() {
        return offset;
    }

    /** First index shown (inclusive) for a series of {@code size} candles. */
    int first(int size) {
        return Math.max(0, last(size) - visible + 1);
    }

    /** Last index shown (inclusive), -1 for an empty series. */
    int last(int size) {
        return Math.max(-1, size - 1 - clampOffset(size));
    }

    private int clampOffset(int size) {
        return Math.max(0, Math.min(offset, size - Math.min(size, MIN_VISIBLE)));
    }

    /** Zoom: negative steps show fewer candles (wider), positive more; between 20 and the whole series. */
    void zoom(int steps, int size) {
        int target = steps < 0 ? (int) Math.round(visible / Math.pow(1.2, -steps)) : (int) Math.round(visible * Math.pow(1.2, steps));
        visible = Math.max(MIN_VISIBLE, Math.min(Math.max(MIN_VISIBLE, size), target));
    }

    /** Scrolls back in time by {@code candles} (negative: towards now). */
    void pan(int candles, int size) {
        offset = Math.max(0, Math.min(size - Math.min(size, MIN_VISIBLE), offset + candles));
    }

    /** Back to following the market. */
    void follow() {
        offset = 0;
    }

    boolean following() {
        return offset == 0;
    }

    /** Puts candle {@code index} in the middle of the window. */
    void centre(int index, int size) {
        if (index < 0 || index >= size) {
            return;
        }
        int lastShown = Math.min(size - 1, index + visible / 2);
        offset = Math.max(0, size - 1 - lastShown);
    }

    /** Keeps the same candles in view when {@code added} candles were appended while scrolled back. */
    void keepPlace(int added) {
        if (offset > 0 && added > 0) {
            offset += added;
        }
    }
}
