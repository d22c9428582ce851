package io.niftyscanner.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The trading half of the journal: orders with every state change, fills with their charges, positions with realised
 * and marked-to-market P&L, refused intents, breaker trips, and the timings after each signal. Each call is one
 * committed transaction (WAL, synchronous=FULL) before it returns, so a kill -9 loses nothing acknowledged. Shares the
 * journal's connection and lock.
 */
public final class TradeLog {
    private final Journal journal;
    private final Connection db;

    TradeLog(Journal journal, Connection db) {
        this.journal = journal;
        this.db = db;
    }

    /** Creates the tables (idempotent) and adds the timing columns to {@code signals}. */
    static void migrate(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS orders (tag TEXT PRIMARY KEY, signal_key TEXT, role TEXT NOT NULL,"
                + " gateway TEXT NOT NULL, symbol TEXT NOT NULL, token INTEGER NOT NULL, exchange TEXT NOT NULL,"
                + " side TEXT NOT NULL, quantity INTEGER NOT NULL, order_type TEXT NOT NULL, price INTEGER NOT NULL,"
                + " trigger_price INTEGER NOT NULL, stop_price INTEGER NOT NULL, target_price INTEGER NOT NULL,"
                + " product TEXT NOT NULL, market_protection INTEGER NOT NULL, order_id TEXT, status TEXT NOT NULL,"
                + " filled_quantity INTEGER NOT NULL, average_price INTEGER NOT NULL, message TEXT,"
                + " created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, session_date TEXT NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS orders_session ON orders(session_date)");
        s.execute("CREATE INDEX IF NOT EXISTS orders_signal ON orders(signal_key)");
        s.execute("CREATE TABLE IF NOT EXISTS order_events (id INTEGER PRIMARY KEY AUTOINCREMENT, tag TEXT NOT NULL,"
                + " order_id TEXT, status TEXT NOT NULL, filled_quantity INTEGER NOT NULL, average_price INTEGER NOT NULL,"
                + " message TEXT, time_ms INTEGER NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS order_events_tag ON order_events(tag)");
        s.execute("CREATE TABLE IF NOT EXISTS fills (fill_id TEXT PRIMARY KEY, tag TEXT NOT NULL, order_id TEXT,"
                + " gateway TEXT NOT NULL, symbol TEXT NOT NULL, token INTEGER NOT NULL, side TEXT NOT NULL,"
                + " quantity INTEGER NOT NULL, price INTEGER NOT NULL, time_ms INTEGER NOT NULL, session_date TEXT NOT NULL,"
                + " brokerage INTEGER NOT NULL, stt INTEGER NOT NULL, exchange_charge INTEGER NOT NULL, sebi INTEGER NOT NULL,"
                + " stamp INTEGER NOT NULL, gst INTEGER NOT NULL, realised INTEGER NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS fills_session ON fills(session_date)");
        s.execute("CREATE TABLE IF NOT EXISTS positions (session_date TEXT NOT NULL, gateway TEXT NOT NULL,"
                + " symbol TEXT NOT NULL, token INTEGER NOT NULL, quantity INTEGER NOT NULL, average_price INTEGER NOT NULL,"
                + " last_price INTEGER NOT NULL, realised INTEGER NOT NULL, unrealised INTEGER NOT NULL,"
                + " charges INTEGER NOT NULL, updated_ms INTEGER NOT NULL, PRIMARY KEY (session_date, gateway, token))");
        s.execute("CREATE TABLE IF NOT EXISTS refusals (id INTEGER PRIMARY KEY AUTOINCREMENT, signal_key TEXT NOT NULL,"
                + " symbol TEXT NOT NULL, side TEXT NOT NULL, reason TEXT NOT NULL, time_ms INTEGER NOT NULL,"
                + " session_date TEXT NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS breaker_trips (id INTEGER PRIMARY KEY AUTOINCREMENT, session_date TEXT NOT NULL,"
                + " time_ms INTEGER NOT NULL, reason TEXT NOT NULL, loss INTEGER NOT NULL)");
        Set<String> columns = new HashSet<>();
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(signals)")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
            }
        }
        for (SignalStage stage : SignalStage.values()) {
            if (!columns.isEmpty() && !columns.contains(stage.column)) {
                s.execute("ALTER TABLE signals ADD COLUMN " + stage.column + " INTEGER");
            }
        }
    }

    /**
     * Stores the order's latest state and, when its status, filled quantity or message changed, one more row of its
     * history; in one transaction. Returns whether anything changed.
     */
    public boolean saveOrder(OrderRow o) {
        synchronized (journal) {
            try {
                db.setAutoCommit(false);
                String[] before = null;
                try (PreparedStatement p = db.prepareStatement(
                        "SELECT status, filled_quantity, message, order_id FROM orders WHERE tag=?")) {
                    p.setString(1, o.tag());
                    try (ResultSet rs = p.executeQuery()) {
                        if (rs.next()) {
                            before = new String[] {rs.getString(1), String.valueOf(rs.getLong(2)), rs.getString(3), rs.getString(4)};
                        }
                    }
                }
                boolean changed = before == null || !before[0].equals(o.status())
                        || !before[1].equals(String.valueOf(o.filledQuantity()))
                        || !java.util.Objects.equals(before[2], o.message()) || !java.util.Objects.equals(before[3], o.orderId());
                try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO orders VALUES"
                        + " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    int i = 1;
                    p.setString(i++, o.tag());
                    p.setString(i++, o.signalKey());
                    p.setString(i++, o.role());
                    p.setString(i++, o.gateway());
                    p.setString(i++, o.symbol());
                    p.setLong(i++, o.token());
                    p.setString(i++, o.exchange());
                    p.setString(i++, o.side());
                    p.setLong(i++, o.quantity());
                    p.setString(i++, o.orderType());
                    p.setLong(i++, o.pricePaise());
                    p.setLong(i++, o.triggerPaise());
                    p.setLong(i++, o.stopPaise());
                    p.setLong(i++, o.targetPaise());
                    p.setString(i++, o.product());
                    p.setInt(i++, o.marketProtection());
                    p.setString(i++, o.orderId());
                    p.setString(i++, o.status());
                    p.setLong(i++, o.filledQuantity());
                    p.setLong(i++, o.averagePricePaise());
                    p.setString(i++, o.message());
                    p.setLong(i++, o.createdMillis());
                    p.setLong(i++, o.updatedMillis());
                    p.setString(i, o.sessionDate());
                    p.executeUpdate();
                }
                if (changed) {
                    try (PreparedStatement p = db.prepareStatement("INSERT INTO order_events (tag, order_id, status,"
                            + " filled_quantity, average_price, message, time_ms) VALUES (?,?,?,?,?,?,?)")) {
                        p.setString(1, o.tag());
                        p.setString(2, o.orderId());
                        p.setString(3, o.status());
                        p.setLong(4, o.filledQuantity());
                        p.setLong(5, o.averagePricePaise());
                        p.setString(6, o.message());
                        p.setLong(7, o.updatedMillis());
                        p.executeUpdate();
                    }
                }
                db.commit();
                return changed;
            } catch (SQLException e) {
                rollback();
                throw failure("save an order", e);
            } finally {
                autoCommit();
            }
        }
    }

    /** Records a fill once; returns false if a fill with this id was already journaled. */
    public boolean recordFill(FillRow f) {
        synchronized (journal) {
            try (PreparedStatement p = db.prepareStatement("INSERT OR IGNORE INTO fills VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                int i = 1;
                p.setString(i++, f.fillId());
                p.setString(i++, f.tag());
                p.setString(i++, f.orderId());
                p.setString(i++, f.gateway());
                p.setString(i++, f.symbol());
                p.setLong(i++, f.token());
                p.setString(i++, f.side());
                p.setLong(i++, f.quantity());
                p.setLong(i++, f.pricePaise());
                p.setLong(i++, f.timeMillis());
                p.setString(i++, f.sessionDate());
                p.setLong(i++, f.brokerage());
                p.setLong(i++, f.stt());
                p.setLong(i++, f.exchangeCharge());
                p.setLong(i++, f.sebi());
                p.setLong(i++, f.stamp());
                p.setLong(i++, f.gst());
                p.setLong(i, f.realisedPaise());
                return p.executeUpdate() == 1;
            } catch (SQLException e) {
                throw failure("record a fill", e);
            }
        }
    }

    public void savePosition(PositionRow r) {
        synchronized (journal) {
            try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO positions VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                int i = 1;
                p.setString(i++, r.sessionDate());
                p.setString(i++, r.gateway());
                p.setString(i++, r.symbol());
                p.setLong(i++, r.token());
                p.setLong(i++, r.quantity());
                p.setLong(i++, r.averagePricePaise());
                p.setLong(i++, r.lastPricePaise());
                p.setLong(i++, r.realisedPaise());
                p.setLong(i++, r.unrealisedPaise());
                p.setLong(i++, r.chargesPaise());
                p.setLong(i, r.updatedMillis());
                p.executeUpdate();
            } catch (SQLException e) {
                throw failure("save a position", e);
            }
        }
    }

    public void recordRefusal(String signalKey, String symbol, String side, String reason, long timeMillis, String sessionDate) {
        synchronized (journal) {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO refusals (signal_key, symbol, side, reason, time_ms,"
                    + " session_date) VALUES (?,?,?,?,?,?)")) {
                p.setString(1, signalKey);
                p.setString(2, symbol);
                p.setString(3, side);
                p.setString(4, reason);
                p.setLong(5, timeMillis);
                p.setString(6, sessionDate);
                p.executeUpdate();
            } catch (SQLException e) {
                throw failure("record a refused order", e);
            }
        }
    }

    public void recordBreakerTrip(BreakerTrip t) {
        synchronized (journal) {
            try (PreparedStatement p = db.prepareStatement("INSERT INTO breaker_trips (session_date, time_ms, reason, loss)"
                    + " VALUES (?,?,?,?)")) {
                p.setString(1, t.sessionDate());
                p.setLong(2, t.timeMillis());
                p.setString(3, t.reason());
                p.setLong(4, t.lossPaise());
                p.executeUpdate();
            } catch (SQLException e) {
                throw failure("record a breaker trip", e);
            }
        }
    }

    /** Sets the time of a stage after a signal, once (a later call for the same stage keeps the first time). */
    public void markSignal(String signalKey, SignalStage stage, long wallMillis) {
        synchronized (journal) {
            try (PreparedStatement p = db.prepareStatement("UPDATE signals SET " + stage.column + "=? WHERE signal_key=? AND "
                    + stage.column + " IS NULL")) {
                p.setLong(1, wallMillis);
                p.setString(2, signalKey);
                p.executeUpdate();
            } catch (SQLException e) {
                throw failure("mark a signal's " + stage.name().toLowerCase(java.util.Locale.ROOT) + " time", e);
            }
        }
    }

    public boolean hasSignal(String signalKey) {
        return !rows("SELECT 1 FROM signals WHERE signal_key=?", signalKey).isEmpty();
    }

    public List<OrderRow> orders(String sessionDate) {
        return orders("WHERE session_date=? ORDER BY created_ms, tag", sessionDate);
    }

    /** Orders created in [fromMillis, toMillis), oldest first. */
    public List<OrderRow> ordersBetween(long fromMillis, long toMillis) {
        return orders("WHERE created_ms>=? AND created_ms<? ORDER BY created_ms, tag", fromMillis, toMillis);
    }

    public Optional<OrderRow> order(String tag) {
        List<OrderRow> l = orders("WHERE tag=?", tag);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Every state an order went through: (status, filled quantity, message, time), oldest first. */
    public List<Map<String, Object>> orderHistory(String tag) {
        return rows("SELECT status, filled_quantity, average_price, message, time_ms, order_id FROM order_events WHERE tag=?"
                + " ORDER BY id", tag);
    }

    public List<FillRow> fills(String sessionDate) {
        return fills("WHERE session_date=? ORDER BY time_ms, fill_id", sessionDate);
    }

    public List<FillRow> fillsBetween(long fromMillis, long toMillis) {
        return fills("WHERE time_ms>=? AND time_ms<? ORDER BY time_ms, fill_id", fromMillis, toMillis);
    }

    public List<PositionRow> positions(String sessionDate) {
        List<PositionRow> out = new ArrayList<>();
        for (Map<String, Object> r : rows("SELECT * FROM positions WHERE session_date=? ORDER BY symbol, gateway", sessionDate)) {
            out.add(new PositionRow(str(r, "session_date"), str(r, "gateway"), str(r, "symbol"), num(r, "token"),
                    num(r, "quantity"), num(r, "average_price"), num(r, "last_price"), num(r, "realised"),
                    num(r, "unrealised"), num(r, "charges"), num(r, "updated_ms")));
        }
        return out;
    }

    /** Refusals of the session: (signal_key, symbol, side, reason, time_ms), oldest first. */
    public List<Map<String, Object>> refusals(String sessionDate) {
        return rows("SELECT signal_key, symbol, side, reason, time_ms FROM refusals WHERE session_date=? ORDER BY id", sessionDate);
    }

    public Optional<BreakerTrip> breakerTrip(String sessionDate) {
        List<Map<String, Object>> r = rows("SELECT session_date, time_ms, reason, loss FROM breaker_trips WHERE session_date=?"
                + " ORDER BY id LIMIT 1", sessionDate);
        return r.isEmpty() ? Optional.empty() : Optional.of(new BreakerTrip(str(r.get(0), "session_date"),
                num(r.get(0), "time_ms"), str(r.get(0), "reason"), num(r.get(0), "loss")));
    }

    private List<OrderRow> orders(String where, Object... args) {
        List<OrderRow> out = new ArrayList<>();
        for (Map<String, Object> r : rows("SELECT * FROM orders " + where, args)) {
            out.add(new OrderRow(str(r, "tag"), str(r, "signal_key"), str(r, "role"), str(r, "gateway"), str(r, "symbol"),
                    num(r, "token"), str(r, "exchange"), str(r, "side"), num(r, "quantity"), str(r, "order_type"),
                    num(r, "price"), num(r, "trigger_price"), num(r, "stop_price"), num(r, "target_price"),
                    str(r, "product"), (int) num(r, "market_protection"), str(r, "order_id"), str(r, "status"),
                    num(r, "filled_quantity"), num(r, "average_price"), str(r, "message"), num(r, "created_ms"),
                    num(r, "updated_ms"), str(r, "session_date")));
        }
        return out;
    }

    private List<FillRow> fills(String where, Object... args) {
        List<FillRow> out = new ArrayList<>();
        for (Map<String, Object> r : rows("SELECT * FROM fills " + where, args)) {
            out.add(new FillRow(str(r, "fill_id"), str(r, "tag"), str(r, "order_id"), str(r, "gateway"), str(r, "symbol"),
                    num(r, "token"), str(r, "side"), num(r, "quantity"), num(r, "price"), num(r, "time_ms"),
                    str(r, "session_date"), num(r, "brokerage"), num(r, "stt"), num(r, "exchange_charge"), num(r, "sebi"),
                    num(r, "stamp"), num(r, "gst"), num(r, "realised")));
        }
        return out;
    }

    private List<Map<String, Object>> rows(String sql, Object... args) {
        synchronized (journal) {
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    p.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = p.executeQuery()) {
                    int cols = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int c = 1; c <= cols; c++) {
                            row.put(rs.getMetaData().getColumnName(c), rs.getObject(c));
                        }
                        out.add(row);
                    }
                }
            } catch (SQLException e) {
                throw failure("read the trade log", e);
            }
            return out;
        }
    }

    private static String str(Map<String, Object> r, String k) {
        Object v = r.get(k);
        return v == null ? null : v.toString();
    }

    private static long num(Map<String, Object> r, String k) {
        Object v = r.get(k);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller needs to see
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException ignored) {
            // connection is broken; the next call reports it
        }
    }

    private JournalException failure(String what, SQLException e) {
        return new JournalException("Journal " + journal.file() + ": could not " + what + ": " + e.getMessage(), e);
    }
}
