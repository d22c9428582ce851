package io.niftyscanner.journal;

/**
 * One execution. Money is in paise; {@code realisedPaise} is the P&L this fill closed (0 for an opening fill), before
 * charges.
 */
public record FillRow(String fillId, String tag, String orderId, String gateway, String symbol, long token, String side,
                      long quantity, long pricePaise, long timeMillis, String sessionDate, long brokerage, long stt,
                      long exchangeCharge, long sebi, long stamp, long gst, long realisedPaise) {
    public long chargesPaise() {
        return brokerage + stt + exchangeCharge + sebi + stamp + gst;
    }
}
