package io.niftyscanner.journal;

import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The SQLite journal: every signal with its provenance, every gap and repair, and the 5-minute candle cache used for
 * warm-up. Writes are committed before the method returns (WAL mode, synchronous=FULL), so nothing acknowledged is lost.
 * Thread-safe: callers serialize through this object's lock; keep calls off the engine and FX threads.
 */
public final class Journal implements AutoCloseable {
    private static final int SCHEMA_VERSION = 1;
    private final Path file;
    private final Connection db;
    private final TradeLog trades;

    private Journal(Path file, Connection db) {
        this.file = file;
        this.db = db;
        this.trades = new TradeLog(this, db);
    }

    /** Orders, fills, positions, refusals, breaker trips and signal timings (same file, same lock). */
    public TradeLog trades() {
        return trades;
    }

    public static Journal open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            Journal j = new Journal(file, c);
            j.migrate();
            return j;
        } catch (Exception e) {
            throw new JournalException("Cannot open the journal " + file + ": " + e.getMessage()
                    + ". Check the file is not corrupt or locked by another running scanner; move it aside to start a new one.", e);
        }
    }

    public Path file() {
        return file;
    }

    private void migrate() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=5000");
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new SQLException("journal schema version " + version + " is newer than this app understands (" + SCHEMA_VERSION + ")");
            }
            if (version < 1) {
                s.execute("CREATE TABLE IF NOT EXISTS signals (signal_key TEXT PRIMARY KEY, token INTEGER NOT NULL, symbol TEXT NOT NULL,"
                        + " side TEXT NOT NULL, time_ms INTEGER NOT NULL, candle_start_ms INTEGER NOT NULL, price REAL NOT NULL,"
                        + " candle_open REAL, candle_high REAL, candle_low REAL, candle_close REAL, candle_volume INTEGER,"
                        + " candle_quality TEXT, ema_fast REAL, ema_slow REAL, ema_fast_prev REAL, ema_slow_prev REAL, rsi REAL,"
                        + " atr REAL, stop REAL, target REAL, intrabar INTEGER NOT NULL, rule TEXT, thresholds TEXT,"
                        + " recorded_ms INTEGER NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS signals_time ON signals(time_ms)");
                s.execute("CREATE TABLE IF NOT EXISTS candles (token INTEGER NOT NULL, start_ms INTEGER NOT NULL, open INTEGER NOT NULL,"
                        + " high INTEGER NOT NULL, low INTEGER NOT NULL, close INTEGER NOT NULL, volume INTEGER NOT NULL,"
                        + " quality TEXT NOT NULL, PRIMARY KEY (token, start_ms)) WITHOUT ROWID");
                s.execute("CREATE TABLE IF NOT EXISTS gaps (id INTEGER PRIMARY KEY AUTOINCREMENT, token INTEGER NOT NULL,"
                        + " from_ms INTEGER NOT NULL, to_ms INTEGER NOT NULL, reason TEXT NOT NULL, detected_ms INTEGER NOT NULL,"
                        + " repaired_ms INTEGER NOT NULL DEFAULT 0, repaired_candles INTEGER NOT NULL DEFAULT 0)");
                s.execute("PRAGMA user_version=" + SCHEMA_VERSION);
            }
            // the candle cache is kept per market (tables created idempotently beside the schema version); the version-1
            // table "candles" held candles of no known market and is no longer read
            s.execute("CREATE TABLE IF NOT EXISTS candle_cache (market TEXT NOT NULL, token INTEGER NOT NULL, start_ms INTEGER NOT NULL,"
                    + " open INTEGER NOT NULL, high INTEGER NOT NULL, low INTEGER NOT NULL, close INTEGER NOT NULL,"
                    + " volume INTEGER NOT NULL, quality TEXT NOT NULL, PRIMARY KEY (market, token, start_ms)) WITHOUT ROWID");
            s.execute("CREATE TABLE IF NOT EXISTS cache_refetches (id INTEGER PRIMARY KEY AUTOINCREMENT, market TEXT NOT NULL,"
                    + " token INTEGER NOT NULL, reason TEXT NOT NULL, time_ms INTEGER NOT NULL)");
            TradeLog.migrate(s);
        }
    }

    private static final String INSERT_SIGNAL = "INSERT OR IGNORE INTO signals (signal_key, token, symbol, side, time_ms,"
            + " candle_start_ms, price, candle_open, candle_high, candle_low, candle_close, candle_volume, candle_quality,"
            + " ema_fast, ema_slow, ema_fast_prev, ema_slow_prev, rsi, atr, stop, target, intrabar, rule, thresholds, recorded_ms)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String SAVE_CANDLE = "INSERT OR REPLACE INTO candle_cache VALUES (?,?,?,?,?,?,?,?,?)";

    /** Records a signal once; returns false if a signal with the same key was already journaled. */
    public synchronized boolean recordSignal(Signal sig, long recordedAtMillis) {
        try (PreparedStatement p = db.prepareStatement(INSERT_SIGNAL)) {
            return insertSignal(p, sig, recordedAtMillis);
        } catch (SQLException e) {
            throw failure("record a signal", e);
        }
    }

    /**
     * Commits closed candles (to the cache, under their market: see {@link #saveCandles}) and signals in one transaction:
     * when this returns, all of them are on disk; when it throws, none is.
     */
    public synchronized void record(String market, List<Candle> candles, List<Signal> signals, long recordedAtMillis) {
        if (candles.isEmpty() && signals.isEmpty()) {
            return;
        }
        try {
            db.setAutoCommit(false);
            if (!candles.isEmpty()) {
                try (PreparedStatement p = db.prepareStatement(SAVE_CANDLE)) {
                    for (Candle c : candles) {
                        bindCandle(p, market, c);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
            }
            if (!signals.isEmpty()) {
                try (PreparedStatement p = db.prepareStatement(INSERT_SIGNAL)) {
                    for (Signal sig : signals) {
                        insertSignal(p, sig, recordedAtMillis);
                    }
                }
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw failure("record " + candles.size() + " candles and " + signals.size() + " signals", e);
        } finally {
            autoCommit();
        }
    }

    private static boolean insertSignal(PreparedStatement p, Signal sig, long recordedAtMillis) throws SQLException {
        Candle c = sig.candle();
        int i = 1;
        p.setString(i++, sig.key());
        p.setLong(i++, sig.token());
        p.setString(i++, sig.symbol());
        p.setString(i++, sig.side().name());
        p.setLong(i++, sig.timeMillis());
        p.setLong(i++, c.startMillis());
        p.setDouble(i++, sig.priceRupees());
        p.setDouble(i++, c.openPrice());
        p.setDouble(i++, c.highPrice());
        p.setDouble(i++, c.lowPrice());
        p.setDouble(i++, c.closePrice());
        p.setLong(i++, c.volume());
        p.setString(i++, c.quality().name());
        p.setDouble(i++, sig.emaFast());
        p.setDouble(i++, sig.emaSlow());
        p.setDouble(i++, sig.emaFastPrev());
        p.setDouble(i++, sig.emaSlowPrev());
        p.setDouble(i++, sig.rsi());
        setNullable(p, i++, sig.atr());
        setNullable(p, i++, sig.stop());
        setNullable(p, i++, sig.target());
        p.setInt(i++, sig.intrabar() ? 1 : 0);
        p.setString(i++, sig.rule());
        p.setString(i++, encode(sig.thresholds()));
        p.setLong(i, recordedAtMillis);
        return p.executeUpdate() == 1;
    }

    /** Journaled signals at or after the given time, oldest first, as plain rows (symbol, side, time, price, rsi...). */
    public synchronized List<Map<String, Object>> signalsSince(long fromMillis) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT * FROM signals WHERE time_ms >= ? ORDER BY time_ms, signal_key")) {
            p.setLong(1, fromMillis);
            try (ResultSet rs = p.executeQuery()) {
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new TreeMap<>();
                    for (int c = 1; c <= cols; c++) {
                        row.put(rs.getMetaData().getColumnName(c), rs.getObject(c));
                    }
                    out.add(row);
                }
            }
        } catch (SQLException e) {
            throw failure("read signals", e);
        }
        return out;
    }

    /** Journaled signals with time in [fromMillis, toMillis), oldest first, as plain rows (for export). */
    public synchronized List<Map<String, Object>> signalsBetween(long fromMillis, long toMillis) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(
                "SELECT * FROM signals WHERE time_ms >= ? AND time_ms < ? ORDER BY time_ms, signal_key")) {
            p.setLong(1, fromMillis);
            p.setLong(2, toMillis);
            try (ResultSet rs = p.executeQuery()) {
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int c = 1; c <= cols; c++) {
                        row.put(rs.getMetaData().getColumnName(c), rs.getObject(c));
                    }
                    out.add(row);
                }
            }
        } catch (SQLException e) {
            throw failure("read signals", e);
        }
        return out;
    }

    /**
     * Stores (or replaces) closed candles of one market in the cache, in one transaction. A market is what the candles
     * came from (Kite, or one simulated sandbox market): two markets never share cached candles. Every quality is kept
     * (what was shown is kept); warm-up uses only the candles the exchange vouches for.
     */
    public synchronized void saveCandles(String market, List<Candle> candles) {
        if (candles.isEmpty()) {
            return;
        }
        try {
            db.setAutoCommit(false);
            try (PreparedStatement p = db.prepareStatement(SAVE_CANDLE)) {
                for (Candle c : candles) {
                    bindCandle(p, market, c);
                    p.addBatch();
                }
                p.executeBatch();
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw failure("save candles", e);
        } finally {
            autoCommit();
        }
    }

    private static void bindCandle(PreparedStatement p, String market, Candle c) throws SQLException {
        p.setString(1, market);
        p.setLong(2, c.token());
        p.setLong(3, c.startMillis());
        p.setLong(4, c.open());
        p.setLong(5, c.high());
        p.setLong(6, c.low());
        p.setLong(7, c.close());
        p.setLong(8, c.volume());
        p.setString(9, c.quality().name());
    }

    /** Cached candles of one market's instrument with start in [fromMillis, toMillis), oldest first. */
    public synchronized List<Candle> candles(String market, long token, long fromMillis, long toMillis) {
        return readCandles("SELECT start_ms, open, high, low, close, volume, quality FROM candle_cache WHERE market=? AND token=?"
                + " AND start_ms>=? AND start_ms<? ORDER BY start_ms", market, token, fromMillis, toMillis);
    }

    /** Cached candles of one instrument in every market the journal keeps, oldest first (for checks and tools). */
    public synchronized List<Candle> candles(long token, long fromMillis, long toMillis) {
        return readCandles("SELECT start_ms, open, high, low, close, volume, quality FROM candle_cache WHERE token=?"
                + " AND start_ms>=? AND start_ms<? ORDER BY start_ms", null, token, fromMillis, toMillis);
    }

    private List<Candle> readCandles(String sql, String market, long token, long fromMillis, long toMillis) {
        List<Candle> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(sql)) {
            int i = 1;
            if (market != null) {
                p.setString(i++, market);
            }
            p.setLong(i++, token);
            p.setLong(i++, fromMillis);
            p.setLong(i, toMillis);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Candle(token, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), 0, CandleQuality.valueOf(rs.getString(7))));
                }
            }
        } catch (SQLException e) {
            throw failure("read candles", e);
        }
        return out;
    }

    /**
     * Forgets one instrument's cached series of a market, because it no longer matches the exchange's (a split or bonus
     * adjusted the exchange's history, ...), and records why; in one transaction.
     */
    public synchronized void dropCachedSeries(String market, long token, String reason, long atMillis) {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement d = db.prepareStatement("DELETE FROM candle_cache WHERE market=? AND token=?");
                 PreparedStatement r = db.prepareStatement("INSERT INTO cache_refetches (market, token, reason, time_ms) VALUES (?,?,?,?)")) {
                d.setString(1, market);
                d.setLong(2, token);
                d.executeUpdate();
                r.setString(1, market);
                r.setLong(2, token);
                r.setString(3, reason);
                r.setLong(4, atMillis);
                r.executeUpdate();
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw failure("drop a cached series", e);
        } finally {
            autoCommit();
        }
    }

    /** Every cached series that was dropped and fetched afresh, with why, oldest first. */
    public synchronized List<CacheRefetch> cacheRefetches() {
        List<CacheRefetch> out = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT market, token, reason, time_ms FROM cache_refetches ORDER BY id")) {
            while (rs.next()) {
                out.add(new CacheRefetch(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4)));
            }
        } catch (SQLException e) {
            throw failure("read cache refetches", e);
        }
        return out;
    }

    public synchronized long recordGap(long token, long fromMillis, long toMillis, String reason, long detectedAtMillis) {
        try (PreparedStatement p = db.prepareStatement(
                "INSERT INTO gaps (token, from_ms, to_ms, reason, detected_ms) VALUES (?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            p.setLong(1, token);
            p.setLong(2, fromMillis);
            p.setLong(3, toMillis);
            p.setString(4, reason);
            p.setLong(5, detectedAtMillis);
            p.executeUpdate();
            try (ResultSet rs = p.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("record a gap", e);
        }
    }

    /** Widens a recorded gap to [fromMillis, toMillis] (a later gap ran into it). */
    public synchronized void extendGap(long gapId, long fromMillis, long toMillis) {
        try (PreparedStatement p = db.prepareStatement("UPDATE gaps SET from_ms=MIN(from_ms, ?), to_ms=MAX(to_ms, ?) WHERE id=?")) {
            p.setLong(1, fromMillis);
            p.setLong(2, toMillis);
            p.setLong(3, gapId);
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("extend a gap", e);
        }
    }

    public synchronized void recordRepair(long gapId, int repairedCandles, long repairedAtMillis) {
        try (PreparedStatement p = db.prepareStatement("UPDATE gaps SET repaired_ms=?, repaired_candles=? WHERE id=?")) {
            p.setLong(1, repairedAtMillis);
            p.setInt(2, repairedCandles);
            p.setLong(3, gapId);
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("record a repair", e);
        }
    }

    public synchronized List<GapRecord> gaps() {
        List<GapRecord> out = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, token, from_ms, to_ms, reason, detected_ms, repaired_ms, repaired_candles FROM gaps ORDER BY id")) {
            while (rs.next()) {
                out.add(new GapRecord(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getLong(6),
                        rs.getLong(7), rs.getInt(8)));
            }
        } catch (SQLException e) {
            throw failure("read gaps", e);
        }
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    private static void setNullable(PreparedStatement p, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            p.setNull(i, java.sql.Types.REAL);
        } else {
            p.setDouble(i, v);
        }
    }

    private static String encode(Map<String, Double> thresholds) {
        StringJoiner j = new StringJoiner(";");
        new TreeMap<>(thresholds).forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
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
        return new JournalException("Journal " + file + ": could not " + what + ": " + e.getMessage(), e);
    }
}
