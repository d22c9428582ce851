package io.niftyscanner.journal;

/** The moments after a signal was raised, journaled beside it (wall clock, epoch ms). */
public enum SignalStage {
    /** The engine raised it (the listener on the engine thread). */
    DETECTED("detected_ms"),
    /** The alert service sent it to its channels. */
    ALERTED("alerted_ms"),
    /** Its entry order was sent to the gateway. */
    ORDER_SENT("order_sent_ms"),
    /** The gateway acknowledged the entry order (order id received). */
    ORDER_ACK("order_ack_ms");

    final String column;

    SignalStage(String column) {
        this.column = column;
    }
}
