package io.niftyscanner.ui.watchlist;

import io.niftyscanner.app.WatchRow;
import io.niftyscanner.ui.fx.Controller;
import io.niftyscanner.ui.main.DashboardSnapshot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.Parent;

/**
 * The watchlist: one line per instrument with last price, change against the previous session's close, volume, RSI,
 * trend, last signal and data quality. Lines are updated in place on each table refresh.
 */
public final class WatchlistController implements Controller {
    private final WatchlistModel model = new WatchlistModel();
    private final Map<Long, WatchItem> byToken = new HashMap<>();
    private final Consumer<String> onSymbolSelected;
    private WatchlistView view;

    /** @param onSymbolSelected called when the trader selects a line (symbol) */
    public WatchlistController(Consumer<String> onSymbolSelected) {
        this.onSymbolSelected = onSymbolSelected;
    }

    @Override
    public Parent root() {
        if (view == null) {
            view = new WatchlistView(model, this);
        }
        return view.root();
    }

    public WatchlistModel model() {
        return model;
    }

    public void onSnapshot(DashboardSnapshot snapshot) {
        if (snapshot.tablesDue()) {
            apply(snapshot.view().rows());
            if (view != null) {
                view.applyPendingSelection();
            }
        }
    }

    void apply(List<WatchRow> rows) {
        Set<Long> seen = new HashSet<>();
        for (WatchRow row : rows) {
            seen.add(row.token());
            WatchItem item = byToken.get(row.token());
            if (item == null) {
                item = new WatchItem(row.symbol(), row.token());
                byToken.put(row.token(), item);
                item.update(row);
                model.items.add(item);
            } else {
                item.update(row);
            }
        }
        if (seen.size() != byToken.size()) {
            model.items.removeIf(i -> !seen.contains(i.token));
            byToken.keySet().retainAll(seen);
        }
    }

    /** Selects a symbol's line (the remembered selection at start, or a symbol chosen elsewhere). */
    public void select(String symbol) {
        if (view != null) {
            view.select(symbol);
        }
    }

    public void focusFilter() {
        if (view != null) {
            view.focusFilter();
        }
    }

    void onSelected(WatchItem item) {
        if (item != null) {
            onSymbolSelected.accept(item.symbol);
        }
    }
}
