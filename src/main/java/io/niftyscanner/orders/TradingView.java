package io.niftyscanner.orders;

import java.util.List;

/**
 * What the orders pane shows, as one immutable snapshot (read from any thread). Money in rupees.
 *
 * @param mode        OFF (auto-trade disarmed), PAPER, SANDBOX or LIVE
 * @param orders      today's orders, oldest first
 * @param openOrders  the ones still working at the venue (or in flight)
 * @param charges     the day's charges by component
 * @param net         realised + unrealised - charges
 * @param entryBlock  why new entries are blocked right now (breaker, stopped, square-off done, reconciling), or empty
 */
public record TradingView(String mode, boolean autoTrade, String gateway, String venue, String sessionDate,
                          List<OrderRow> orders, List<OrderRow> openOrders, List<FillRow> fills, List<PositionRow> positions,
                          double realised, double unrealised, ChargesRow charges, double net, Breaker breaker,
                          int entriesToday, int maxEntries, int openTrades, int maxOpenTrades, String entryBlock,
                          List<Refusal> refusals, String chargesSource) {

    public static final TradingView EMPTY = new TradingView("OFF", false, "", "", "", List.of(), List.of(), List.of(),
            List.of(), 0, 0, new ChargesRow(0, 0, 0, 0, 0, 0, 0), 0, new Breaker(false, "", 0, 0), 0, 0, 0, 0, "",
            List.of(), "");

    public record OrderRow(String tag, String role, String symbol, String side, long quantity, String orderType, double price,
                           double triggerPrice, String status, long filledQuantity, double averagePrice, String orderId,
                           String message, long timeMillis) {}

    public record FillRow(String fillId, String tag, String symbol, String side, long quantity, double price,
                          long timeMillis, double charges, double realised) {}

    public record PositionRow(String symbol, long quantity, double averagePrice, double lastPrice, double realised,
                              double unrealised, double charges) {}

    public record ChargesRow(double brokerage, double stt, double exchange, double sebi, double stamp, double gst,
                             double total) {}

    /** @param lossLimit rupees; the breaker trips when the day's net P&L reaches minus this */
    public record Breaker(boolean tripped, String reason, long timeMillis, double lossLimit) {}

    public record Refusal(String symbol, String side, String reason, long timeMillis) {}
}
