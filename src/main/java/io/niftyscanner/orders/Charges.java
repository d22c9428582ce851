package io.niftyscanner.orders;

/**
 * The charges of one executed order (or the sum of several), in paise.
 *
 * @param exchange the exchange transaction charge
 */
public record Charges(long brokerage, long stt, long exchange, long sebi, long stamp, long gst) {
    public static final Charges NONE = new Charges(0, 0, 0, 0, 0, 0);

    public long total() {
        return brokerage + stt + exchange + sebi + stamp + gst;
    }

    public Charges plus(Charges o) {
        return new Charges(brokerage + o.brokerage, stt + o.stt, exchange + o.exchange, sebi + o.sebi, stamp + o.stamp,
                gst + o.gst);
    }
}
