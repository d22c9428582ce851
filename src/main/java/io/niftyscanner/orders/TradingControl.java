package io.niftyscanner.orders;

/**
 * What the window (or any front end) may do with order execution, without any UI type: read the state, arm and disarm
 * auto-trading, confirm live trading, stop trading. Every method returns at once (actions run on the executor's
 * thread) except {@link #confirmLive}, which asks Kite who is logged in: call that one off the FX thread.
 */
public interface TradingControl {
    /** The controls of no scanner: an empty view, and every action refused or ignored. */
    TradingControl NONE = TradingControlNone.INSTANCE;

    /** The latest snapshot; cheap, from any thread. */
    TradingView view();

    /** Arms (or disarms) auto-trading on the current gateway: paper against real Kite unless live was confirmed. */
    void setAutoTrade(boolean on);

    /** Where orders would go now: PAPER, SANDBOX or LIVE. */
    LiveGate.Mode mode();

    /** Why live trading cannot be confirmed (sandbox, or the config switch off), or empty when it can be. */
    String whyNotLive();

    /**
     * The text a confirmation dialog shows: the account, what will happen with real money, the limits in force, and
     * what to type.
     */
    String liveConfirmationText();

    /**
     * Confirms live trading with the typed Kite user id; on success, new entries go to Kite. Refused (with the reason)
     * when the id is not the logged-in account's, the config switch is off, or paper orders are still working.
     * Blocking: reads the logged-in account from Kite.
     */
    LiveGate.Confirmation confirmLive(String typedUserId);

    /** Cancels every pending order, squares off every open position, and blocks new entries until resumed. */
    void stopTrading(String reason);

    /** Allows new entries again after {@link #stopTrading} (not after the loss breaker: that waits for the next session). */
    void resumeTrading();
}
