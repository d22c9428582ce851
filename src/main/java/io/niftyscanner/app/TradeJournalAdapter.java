package io.niftyscanner.app;

import io.niftyscanner.journal.BreakerTrip;
import io.niftyscanner.journal.FillRow;
import io.niftyscanner.journal.Journal;
import io.niftyscanner.journal.OrderRow;
import io.niftyscanner.journal.PositionRow;
import io.niftyscanner.journal.SignalStage;
import io.niftyscanner.journal.TradeLog;
import io.niftyscanner.orders.Charges;
import io.niftyscanner.orders.OrderJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQLite journal as the order executor's {@link OrderJournal} port. */
public final class TradeJournalAdapter implements OrderJournal {
    private final TradeLog log;

    public TradeJournalAdapter(Journal journal) {
        this.log = journal.trades();
    }

    @Override
    public void saveOrder(OrderRecord o) {
        log.saveOrder(new OrderRow(o.tag(), o.signalKey(), o.role(), o.gateway(), o.symbol(), o.token(), o.exchange(), o.side(),
                o.quantity(), o.orderType(), o.pricePaise(), o.triggerPaise(), o.stopPaise(), o.targetPaise(), o.product(),
                o.marketProtection(), o.orderId(), o.status(), o.filledQuantity(), o.averagePricePaise(), o.message(),
                o.createdMillis(), o.updatedMillis(), o.sessionDate()));
    }

    @Override
    public boolean recordFill(FillRecord f) {
        Charges c = f.charges();
        return log.recordFill(new FillRow(f.fillId(), f.tag(), f.orderId(), f.gateway(), f.symbol(), f.token(), f.side(),
                f.quantity(), f.pricePaise(), f.timeMillis(), f.sessionDate(), c.brokerage(), c.stt(), c.exchange(), c.sebi(),
                c.stamp(), c.gst(), f.realisedPaise()));
    }

    @Override
    public void savePosition(PositionRecord p) {
        log.savePosition(new PositionRow(p.sessionDate(), p.gateway(), p.symbol(), p.token(), p.quantity(), p.averagePricePaise(),
                p.lastPricePaise(), p.realisedPaise(), p.unrealisedPaise(), p.chargesPaise(), p.updatedMillis()));
    }

    @Override
    public void recordRefusal(String signalKey, String symbol, String side, String reason, long wallMillis, String sessionDate) {
        log.recordRefusal(signalKey, symbol, side, reason, wallMillis, sessionDate);
    }

    @Override
    public void recordBreakerTrip(String sessionDate, long wallMillis, String reason, long lossPaise) {
        log.recordBreakerTrip(new BreakerTrip(sessionDate, wallMillis, reason, lossPaise));
    }

    @Override
    public void markSignal(String signalKey, Stage stage, long wallMillis) {
        log.markSignal(signalKey, switch (stage) {
            case DETECTED -> SignalStage.DETECTED;
            case ALERTED -> SignalStage.ALERTED;
            case ORDER_SENT -> SignalStage.ORDER_SENT;
            case ORDER_ACK -> SignalStage.ORDER_ACK;
        }, wallMillis);
    }

    @Override
    public boolean hasSignal(String signalKey) {
        return log.hasSignal(signalKey);
    }

    @Override
    public List<OrderRecord> orders(String sessionDate) {
        List<OrderRecord> out = new ArrayList<>();
        for (OrderRow o : log.orders(sessionDate)) {
            out.add(new OrderRecord(o.tag(), o.signalKey(), o.role(), o.gateway(), o.symbol(), o.token(), o.exchange(), o.side(),
                    o.quantity(), o.orderType(), o.pricePaise(), o.triggerPaise(), o.stopPaise(), o.targetPaise(), o.product(),
                    o.marketProtection(), o.orderId(), o.status(), o.filledQuantity(), o.averagePricePaise(), o.message(),
                    o.createdMillis(), o.updatedMillis(), o.sessionDate()));
        }
        return out;
    }

    @Override
    public List<FillRecord> fills(String sessionDate) {
        List<FillRecord> out = new ArrayList<>();
        for (FillRow f : log.fills(sessionDate)) {
            out.add(new FillRecord(f.fillId(), f.tag(), f.orderId(), f.gateway(), f.symbol(), f.token(), f.side(), f.quantity(),
                    f.pricePaise(), f.timeMillis(), f.sessionDate(),
                    new Charges(f.brokerage(), f.stt(), f.exchangeCharge(), f.sebi(), f.stamp(), f.gst()), f.realisedPaise()));
        }
        return out;
    }

    @Override
    public Optional<String> breakerTrip(String sessionDate) {
        return log.breakerTrip(sessionDate).map(BreakerTrip::reason);
    }
}
