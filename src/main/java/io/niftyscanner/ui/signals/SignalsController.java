package io.niftyscanner.ui.signals;

import io.niftyscanner.market.Signal;
import io.niftyscanner.ui.fx.Controller;
import io.niftyscanner.ui.main.DashboardSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Parent;

/**
 * The signals table (newest first) and the "why" view of the selected signal. New signals are inserted at the top;
 * existing lines keep their identity, so a sort or a selection is never lost.
 */
public final class SignalsController implements Controller {
    /** Lines kept in the table; older ones drop off the bottom. */
    static final int MAX_LINES = 500;

    /** What the table asks of the window. */
    public interface Handlers {
        /** A signal was selected: show its symbol. */
        void onSignalSelected(Signal signal);

        /** A signal was opened (double click, Enter): show its candle. */
        void onSignalOpened(Signal signal);
    }

    private final SignalsModel model = new SignalsModel();
    private final Map<String, SignalItem> byKey = new HashMap<>();
    private final Handlers handlers;
    private SignalsView view;

    public SignalsController(Handlers handlers) {
        this.handlers = handlers;
    }

    @Override
    public Parent root() {
        if (view == null) {
            view = new SignalsView(model, this);
        }
        return view.root();
    }

    public SignalsModel model() {
        return model;
    }

    public void onSnapshot(DashboardSnapshot snapshot) {
        if (snapshot.tablesDue()) {
            apply(snapshot.view().signals());
        }
    }

    /** @param signals the session's recent signals, oldest first */
    void apply(List<Signal> signals) {
        List<SignalItem> added = new ArrayList<>();
        for (Signal s : signals) {
            if (!byKey.containsKey(s.key())) {
                SignalItem item = new SignalItem(s);
                byKey.put(s.key(), item);
                added.add(0, item);
            }
        }
        if (!added.isEmpty()) {
            if (model.items.isEmpty()) {
                Map<String, Double> t = added.get(0).signal.thresholds();
                model.emaTitle.set("EMA " + Math.round(t.getOrDefault("ema_fast", 0.0)) + " / " + Math.round(t.getOrDefault("ema_slow", 0.0)));
            }
            model.items.addAll(0, added);
            if (model.items.size() > MAX_LINES) {
                List<SignalItem> dropped = new ArrayList<>(model.items.subList(MAX_LINES, model.items.size()));
                model.items.remove(MAX_LINES, model.items.size());
                dropped.forEach(i -> byKey.remove(i.signal.key()));
            }
        }
    }

    /** Sets the order status shown beside a signal (from the orders pane). */
    public void setOrderStatus(String signalKey, String status) {
        SignalItem item = byKey.get(signalKey);
        if (item != null) {
            item.orderStatus.set(status);
        }
    }

    void onSelected(SignalItem item) {
        model.selected.set(item);
        model.explanation.set(item == null ? null : SignalExplanation.of(item.signal));
        if (item != null) {
            handlers.onSignalSelected(item.signal);
        }
    }

    void onOpened(SignalItem item) {
        if (item != null) {
            handlers.onSignalOpened(item.signal);
        }
    }
}
