package io.niftyscanner.orders;

/** How many shares an entry buys or sells. */
public enum Sizing {
    /** orders.quantity shares. */
    FIXED,
    /** As many shares as orders.capital.per.trade rupees buy at the signal price. */
    CAPITAL,
    /** As many shares as lose orders.risk.per.trade rupees if the ATR stop is hit. */
    RISK
}
