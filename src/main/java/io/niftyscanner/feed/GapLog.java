package io.niftyscanner.feed;

/** Where gaps and their repairs are recorded (the journal). */
public interface GapLog {
    GapLog NONE = new GapLog() {
        @Override
        public long recordGap(long fromMillis, long toMillis, String reason) {
            return 0;
        }

        @Override
        public void extendGap(long gapId, long fromMillis, long toMillis) {}

        @Override
        public void recordRepair(long gapId, int repairedCandles) {}
    };

    long recordGap(long fromMillis, long toMillis, String reason);

    /** A later gap ran into a recorded one: the record now covers [from, to]. */
    void extendGap(long gapId, long fromMillis, long toMillis);

    void recordRepair(long gapId, int repairedCandles);
}
