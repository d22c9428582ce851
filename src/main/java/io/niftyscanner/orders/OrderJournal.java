package io.niftyscanner.orders;

import java.util.List;
import java.util.Optional;

/**
 * What the executor needs from the journal (the app adapts the SQLite journal to it). Every write is committed before it
 * returns: an order is journaled before it is sent, so a restart finds every order it may have placed.
 */
public interface OrderJournal {
    /** Moments after a signal that the executor stamps (wall clock). */
    enum Stage { DETECTED, ALERTED, ORDER_SENT, ORDER_ACK }

    /** The latest state of an order; the journal also keeps every change. Prices in paise, session as yyyy-MM-dd. */
    record OrderRecord(String tag, String signalKey, String role, String gateway, String symbol, long token,
                       String exchange, String side, long quantity, String orderType, long pricePaise, long triggerPaise,
                       long stopPaise, long targetPaise, String product, int marketProtection, String orderId,
                       String status, long filledQuantity, long averagePricePaise, String message, long createdMillis,
                       long updatedMillis, String sessionDate) {}

    /** One execution with its charges (paise); {@code realisedPaise} is the P&L it closed, before charges. */
    record FillRecord(String fillId, String tag, String orderId, String gateway, String symbol, long token, String side,
                      long quantity, long pricePaise, long timeMillis, String sessionDate, Charges charges,
                      long realisedPaise) {}

    record PositionRecord(String sessionDate, String gateway, String symbol, long token, long quantity,
                          long averagePricePaise, long lastPricePaise, long realisedPaise, long unrealisedPaise,
                          long chargesPaise, long updatedMillis) {}

    void saveOrder(OrderRecord order);

    /** Records a fill once; false when a fill with its id was already there. */
    boolean recordFill(FillRecord fill);

    void savePosition(PositionRecord position);

    void recordRefusal(String signalKey, String symbol, String side, String reason, long wallMillis, String sessionDate);

    void recordBreakerTrip(String sessionDate, long wallMillis, String reason, long lossPaise);

    void markSignal(String signalKey, Stage stage, long wallMillis);

    /** Whether the signal is committed in the journal: only journaled signals are traded (journal first). */
    boolean hasSignal(String signalKey);

    List<OrderRecord> orders(String sessionDate);

    List<FillRecord> fills(String sessionDate);

    /** The reason of the day's breaker trip, if it tripped. */
    Optional<String> breakerTrip(String sessionDate);
}
