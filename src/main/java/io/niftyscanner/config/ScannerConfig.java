package io.niftyscanner.config;

import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.SpecialSession;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The validated configuration of the scanner. Built by {@link ConfigLoader}; immutable.
 * {@link #dump()} lists every setting with secrets masked. {@code warnings} are what the loader noticed and the
 * user should hear at start (a .env others can read, clear-text transport allowed); each ends with the fix.
 */
public record ScannerConfig(
        Feed feed,
        Strategy strategy,
        Alerts alerts,
        Orders orders,
        Paths paths,
        Set<LocalDate> holidays,
        Kite kite,
        Sandbox sandbox,
        int uiRefreshMillis,
        List<SpecialSession> specialSessions,
        List<String> warnings) {

    /** The NSE calendar: weekdays minus {@link #holidays()}, plus {@link #specialSessions()}. */
    public SessionCalendar calendar() {
        return new SessionCalendar(holidays, specialSessions);
    }

    /**
     * Data feed settings. {@code reconnectMaxAttempts} 0 means unlimited. {@code maxTickAheadSeconds}: a tick stamped
     * further ahead of the market clock is not believed alone. {@code engineQueueCapacity}: market data the engine
     * thread may have waiting; beyond it ticks are refused and their stretch repaired as a gap.
     */
    public record Feed(DataMode mode, int pollIntervalSeconds, List<TimeWindow> hybridStreamWindows,
                       int watchdogSeconds, int reconnectMaxAttempts, long candleGraceMillis, int maxTickAheadSeconds,
                       int engineQueueCapacity) {}

    /** Default-strategy parameters (design.md 6). */
    public record Strategy(int emaFast, int emaSlow, int rsiPeriod, double rsiBuyMin, double rsiBuyMax,
                           double rsiSellMin, double rsiSellMax, int warmupCandles, int atrPeriod,
                           double stopAtr, double targetAtr, boolean intrabar, int intrabarThrottleSeconds,
                           int warmupDays) {}

    /**
     * Alert settings. {@code notification} is the desktop notification (the in-window one is always on);
     * {@code webhookUrl} empty means no webhook. {@link #toString()} masks the bot token and the webhook's path.
     */
    public record Alerts(boolean sound, boolean notification, int cooldownSeconds, Telegram telegram, String webhookUrl,
                         int httpAttempts, int httpTimeoutSeconds) {
        @Override
        public String toString() {
            return "Alerts[sound=" + sound + ", notification=" + notification + ", cooldownSeconds=" + cooldownSeconds
                    + ", telegram=" + telegram + ", webhook=" + (webhookUrl.isEmpty() ? "(off)" : Secrets.urlOrigin(webhookUrl) + "/****")
                    + ", httpAttempts=" + httpAttempts + ", httpTimeoutSeconds=" + httpTimeoutSeconds + "]";
        }
    }

    /** Telegram bot alerts: on when enabled and both the bot token and the chat id are set (.env). */
    public record Telegram(boolean enabled, String apiUrl, String botToken, String chatId) {
        public Telegram {
            botToken = botToken == null ? "" : botToken.trim();
            chatId = chatId == null ? "" : chatId.trim();
            Secrets.remember(botToken); // it travels in the Bot API's URL path, which error messages may repeat
        }

        public boolean configured() {
            return enabled && !botToken.isEmpty() && !chatId.isEmpty();
        }

        @Override
        public String toString() {
            return "Telegram[enabled=" + enabled + ", apiUrl=" + apiUrl + ", botToken=" + Secrets.mask(botToken) + ", chatId="
                    + (chatId.isEmpty() ? "(not set)" : chatId) + "]";
        }
    }

    /**
     * Order and risk settings (config/scanner.properties, orders.* and risk.*). Live orders also need a confirmation in
     * the session (design.md 8). Money in rupees.
     *
     * @param sizing     FIXED, CAPITAL or RISK
     * @param entryType  MARKET (with market protection) or LIMIT (at the signal price)
     * @param target     LIMIT (rests at the exchange) or WATCH (the app exits at the market when it is reached)
     */
    public record Orders(boolean autoTrade, boolean live, String sizing, int quantity, double capitalPerTrade,
                         double riskPerTrade, String product, String entryType, int marketProtection, String target,
                         int entryTimeoutSeconds, int signalMaxAgeSeconds, LocalTime squareOffTime, int maxOrdersPerDay,
                         int maxOpenPositions, double maxLossPerDay, boolean breakerSquareOff, int symbolCooldownSeconds,
                         int orderRatePerSecond, int paperSlippageTicks, Charges charges) {}

    /**
     * Published rates of equity intraday charges (charges.md) and where they were taken from. Percentages of turnover;
     * SEBI in rupees per crore.
     */
    public record Charges(BigDecimal brokeragePercent, BigDecimal brokerageCapRupees, BigDecimal sttSellPercent,
                          BigDecimal exchangePercent, BigDecimal sebiPerCrore, BigDecimal stampBuyPercent,
                          BigDecimal gstPercent, String source) {}

    /** @param ticks where ticks are recorded for replay (journal.ticks = true), or null when they are not */
    public record Paths(Path baseDir, Path journal, Path instruments, Path constituents, Path envFile, Path ticks) {}

    /**
     * Where Kite is. Empty URLs mean: Kite's real endpoints when credentials exist, the embedded sandbox otherwise.
     * {@code allowInsecure} is {@code kite.allow_insecure}: http/ws to hosts other than this machine (see
     * {@link EndpointUrls}).
     */
    public record Kite(Credentials credentials, String restUrl, String wsUrl, boolean allowInsecure) {
        public static final String REAL_REST_URL = "https://api.kite.trade";
        public static final String REAL_WS_URL = "wss://ws.kite.trade";

        /** True when the app should start and use the embedded sandbox exchange. */
        public boolean useSandbox() {
            return !credentials.canConnect() && restUrl.isEmpty() && wsUrl.isEmpty();
        }
    }

    public record Sandbox(double speed, long seed, String start) {}

    /** Every setting as key = value, secrets masked; for logs and the settings dialog. */
    public Map<String, String> dump() {
        Map<String, String> m = new TreeMap<>();
        m.put("mode", feed.mode().id());
        m.put("poll.interval.seconds", String.valueOf(feed.pollIntervalSeconds()));
        m.put("hybrid.stream.windows", feed.hybridStreamWindows().toString());
        m.put("feed.watchdog.seconds", String.valueOf(feed.watchdogSeconds()));
        m.put("feed.reconnect.max.attempts", feed.reconnectMaxAttempts() == 0 ? "unlimited" : String.valueOf(feed.reconnectMaxAttempts()));
        m.put("candle.grace.millis", String.valueOf(feed.candleGraceMillis()));
        m.put("feed.max.tick.ahead.seconds", String.valueOf(feed.maxTickAheadSeconds()));
        m.put("engine.queue.capacity", String.valueOf(feed.engineQueueCapacity()));
        m.put("strategy", strategy.toString());
        m.put("alerts", alerts.toString());
        m.put("orders", orders.toString());
        m.put("journal.path", String.valueOf(paths.journal()));
        m.put("journal.ticks", paths.ticks() == null ? "off" : String.valueOf(paths.ticks()));
        m.put("instruments.file", String.valueOf(paths.instruments()));
        m.put("constituents.file", String.valueOf(paths.constituents()));
        m.put("holidays", holidays.toString());
        m.put("special.sessions", specialSessions.toString());
        m.put("kite.credentials", kite.credentials().toString());
        m.put("kite.rest.url", kite.restUrl().isEmpty() ? "(default)" : Secrets.redact(kite.restUrl()));
        m.put("kite.ws.url", kite.wsUrl().isEmpty() ? "(default)" : Secrets.redact(kite.wsUrl()));
        m.put(EndpointUrls.ALLOW_INSECURE_KEY, String.valueOf(kite.allowInsecure()));
        m.put("sandbox", sandbox.toString());
        m.put("ui.refresh.millis", String.valueOf(uiRefreshMillis));
        return m;
    }
}
