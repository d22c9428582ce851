package io.niftyscanner.orders;

/** The controls when no scanner runs: nothing to show, nothing to do. */
final class TradingControlNone implements TradingControl {
    static final TradingControl INSTANCE = new TradingControlNone();

    private TradingControlNone() {}

    @Override
    public TradingView view() {
        return TradingView.EMPTY;
    }

    @Override
    public void setAutoTrade(boolean on) {}

    @Override
    public LiveGate.Mode mode() {
        return LiveGate.Mode.PAPER;
    }

    @Override
    public String whyNotLive() {
        return "the scanner is not running";
    }

    @Override
    public String liveConfirmationText() {
        return "";
    }

    @Override
    public LiveGate.Confirmation confirmLive(String typedUserId) {
        return new LiveGate.Confirmation(false, "No live orders: the scanner is not running.");
    }

    @Override
    public void stopTrading(String reason) {}

    @Override
    public void resumeTrading() {}
}
