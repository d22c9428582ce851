package io.niftyscanner.ui.orders;

import io.niftyscanner.orders.TradingView;
import io.niftyscanner.ui.fx.Controller;
import io.niftyscanner.ui.main.DashboardSnapshot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.scene.Parent;

/** Orders and positions: open orders, fills, positions with realised and mark-to-market P&L, the day's charges. */
public final class OrdersController implements Controller {
    private final OrdersModel model = new OrdersModel();
    private final Map<String, OrdersModel.OrderItem> orders = new HashMap<>();
    private final Map<String, OrdersModel.PositionItem> positions = new HashMap<>();
    private final Set<String> fills = new HashSet<>();
    private OrdersView view;

    @Override
    public Parent root() {
        if (view == null) {
            view = new OrdersView(model);
        }
        return view.root();
    }

    public OrdersModel model() {
        return model;
    }

    public void onSnapshot(DashboardSnapshot snapshot) {
        TradingView v = snapshot.trading();
        if (v == null || !snapshot.tablesDue()) {
            return;
        }
        applyOpenOrders(v.openOrders());
        applyPositions(v.positions());
        for (TradingView.FillRow f : v.fills()) {
            if (fills.add(f.fillId())) {
                model.fills.add(0, f);
            }
        }
        TradingView.ChargesRow c = v.charges();
        model.summary.set(String.format(Locale.ROOT, "%s · realised ₹%,.2f · MTM ₹%,.2f · charges ₹%,.2f · net ₹%,.2f · entries %d/%d"
                        + " · open trades %d/%d%s", v.autoTrade() ? v.mode() : "auto-trade off", v.realised(), v.unrealised(), c.total(),
                v.net(), v.entriesToday(), v.maxEntries(), v.openTrades(), v.maxOpenTrades(),
                v.entryBlock().isEmpty() ? "" : " · " + v.entryBlock()));
        model.charges.set(String.format(Locale.ROOT, "Charges today: brokerage ₹%,.2f · STT ₹%,.2f · exchange ₹%,.2f · SEBI ₹%,.2f"
                + " · stamp ₹%,.2f · GST ₹%,.2f = ₹%,.2f%s", c.brokerage(), c.stt(), c.exchange(), c.sebi(), c.stamp(), c.gst(),
                c.total(), v.chargesSource().isEmpty() ? "" : " (" + v.chargesSource() + ")"));
    }

    private void applyOpenOrders(List<TradingView.OrderRow> open) {
        Set<String> seen = new HashSet<>();
        for (TradingView.OrderRow r : open) {
            seen.add(r.tag());
            OrdersModel.OrderItem item = orders.get(r.tag());
            if (item == null) {
                item = new OrdersModel.OrderItem(r);
                orders.put(r.tag(), item);
                model.openOrders.add(0, item);
            } else if (!item.row.get().equals(r)) {
                item.row.set(r);
            }
        }
        if (seen.size() != orders.size()) {
            model.openOrders.removeIf(i -> !seen.contains(i.tag));
            orders.keySet().retainAll(seen);
        }
    }

    private void applyPositions(List<TradingView.PositionRow> rows) {
        for (TradingView.PositionRow p : rows) {
            OrdersModel.PositionItem item = positions.get(p.symbol());
            if (item == null) {
                item = new OrdersModel.PositionItem(p.symbol());
                positions.put(p.symbol(), item);
                model.positions.add(item);
            }
            item.update(p);
        }
    }
}
