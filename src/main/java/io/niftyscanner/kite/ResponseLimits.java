package io.niftyscanner.kite;

/**
 * The most a Kite response may hold, so a broken or hostile server cannot exhaust the app's memory. Each bound
 * applies twice: to the size the server announces (Content-Length, as sent on the wire) before anything is read,
 * and to the body as read, after gzip is undone (a small compressed body can unpack to gigabytes).
 *
 * @param jsonBytes       JSON answers (quotes, history, orders, session): a full quote of 500 instruments with depth
 *                        is about 1 MB, 60 days of minute candles about 2 MB
 * @param instrumentBytes the instrument dump (CSV): all exchanges together are about 15 MB
 */
public record ResponseLimits(long jsonBytes, long instrumentBytes) {
    public static final long MIB = 1024 * 1024;
    public static final ResponseLimits DEFAULT = new ResponseLimits(16 * MIB, 64 * MIB);

    public ResponseLimits {
        if (jsonBytes < 1024 || instrumentBytes < 1024) {
            throw new IllegalArgumentException("response limits below 1 KiB would refuse every answer");
        }
    }

    static String shown(long bytes) {
        return bytes >= MIB && bytes % MIB == 0 ? bytes / MIB + " MiB" : bytes >= MIB ? String.format("%.1f MiB", bytes / (double) MIB)
                : bytes + " bytes";
    }
}
