package io.niftyscanner.journal;

/**
 * A stretch of market time with missing data for one instrument (token 0 = every instrument), and its repair.
 *
 * @param repairedAtMillis 0 while not repaired
 */
public record GapRecord(long id, long token, long fromMillis, long toMillis, String reason, long detectedAtMillis,
                        long repairedAtMillis, int repairedCandles) {
    public boolean repaired() {
        return repairedAtMillis > 0;
    }
}
