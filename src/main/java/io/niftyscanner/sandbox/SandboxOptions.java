package io.niftyscanner.sandbox;

import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything the sandbox exchange needs; {@link #defaults()} then the {@code withX} methods.
 *
 * @param restPort       REST port on 127.0.0.1 (0 = a free port)
 * @param wsPort         WebSocket port on 127.0.0.1 (0 = a free port)
 * @param speed          market time runs this many times faster than the wall clock (ignored with a market clock)
 * @param seed           seed of the simulated market: same seed and date, same ticks
 * @param start          simulated time of day (IST) at start; null = now during market hours, else 09:15
 * @param date           simulated session date; null = today if it is a trading day, else the last trading day
 * @param ticksPerSecond average ticks a second per instrument (market time)
 * @param instruments    the NSE equities to simulate (empty = the built-in NIFTY 50 list); the NIFTY 50 index is added
 * @param marketClock    injected market time (tests); null = derived from wall clock, start and speed
 * @param wallClock      real time: rate limits, fault durations, heartbeats' bookkeeping
 * @param apiKey         the api_key the sandbox accepts
 * @param accessToken    the static access token it accepts besides those /session/token issues
 * @param apiSecret      the api secret used in the /session/token checksum
 * @param redirectUrl    where the login page sends the browser (the Kite app's registered redirect URL; nothing in a
 *                       request can change it); null = show the request token on the page instead
 * @param calendar       trading days (weekends and holidays are skipped for the session date and history)
 * @param autoPump       true = a background thread advances the market and sends heartbeats; false = tests call pump()
 */
public record SandboxOptions(int restPort, int wsPort, double speed, long seed, LocalTime start, LocalDate date,
                             double ticksPerSecond, List<Instrument> instruments, MarketClock marketClock, Clock wallClock,
                             String apiKey, String accessToken, String apiSecret, String redirectUrl,
                             SessionCalendar calendar, boolean autoPump) {

    public static final String DEFAULT_API_KEY = "sandbox";
    public static final String DEFAULT_ACCESS_TOKEN = "sandbox";
    public static final String DEFAULT_API_SECRET = "sandbox-secret";
    /** The sandbox "app"'s registered redirect URL: where ./scanner login listens by default. */
    public static final String DEFAULT_REDIRECT_URL = "http://127.0.0.1:5000/";

    public SandboxOptions {
        if (restPort < 0 || restPort > 65535) {
            throw new IllegalArgumentException("REST port must be 0..65535 (0 = any free port), got " + restPort);
        }
        if (wsPort < 0 || wsPort > 65535) {
            throw new IllegalArgumentException("WebSocket port must be 0..65535 (0 = any free port), got " + wsPort);
        }
        if (!(speed > 0) || speed > 10_000) {
            throw new IllegalArgumentException("speed must be above 0 and at most 10000, got " + speed);
        }
        if (!(ticksPerSecond > 0) || ticksPerSecond > 20) {
            throw new IllegalArgumentException("ticks per second must be above 0 and at most 20, got " + ticksPerSecond);
        }
        instruments = List.copyOf(instruments == null ? List.of() : instruments);
        wallClock = wallClock == null ? Clock.systemUTC() : wallClock;
        apiKey = requireText(apiKey, "api key");
        accessToken = requireText(accessToken, "access token");
        apiSecret = requireText(apiSecret, "api secret");
        calendar = calendar == null ? SessionCalendar.withoutHolidays() : calendar;
    }

    /** The secrets are masked: the sandbox may be given a real-looking secret or token by a test or a user. */
    @Override
    public String toString() {
        return "SandboxOptions[restPort=" + restPort + ", wsPort=" + wsPort + ", speed=" + speed + ", seed=" + seed
                + ", start=" + start + ", date=" + date + ", ticksPerSecond=" + ticksPerSecond + ", instruments="
                + instruments.size() + ", apiKey=" + apiKey + ", accessToken=" + masked(accessToken) + ", apiSecret="
                + masked(apiSecret) + ", redirectUrl=" + redirectUrl + ", autoPump=" + autoPump + "]";
    }

    private static String masked(String s) {
        return s.length() <= 8 ? "****" : "****" + s.substring(s.length() - 4);
    }

    private static String requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("sandbox " + what + " must not be blank");
        }
        return s;
    }

    public static SandboxOptions defaults() {
        return new SandboxOptions(0, 0, 1.0, 42L, null, null, 1.5, List.of(), null, Clock.systemUTC(),
                DEFAULT_API_KEY, DEFAULT_ACCESS_TOKEN, DEFAULT_API_SECRET, DEFAULT_REDIRECT_URL, SessionCalendar.withoutHolidays(),
                true);
    }

    public SandboxOptions withPorts(int rest, int ws) {
        return new SandboxOptions(rest, ws, speed, seed, start, date, ticksPerSecond, instruments, marketClock, wallClock,
                apiKey, accessToken, apiSecret, redirectUrl, calendar, autoPump);
    }

    public SandboxOptions withSpeed(double x) {
        return new SandboxOptions(restPort, wsPort, x, seed, start, date, ticksPerSecond, instruments, marketClock, wallClock,
                apiKey, accessToken, apiSecret, redirectUrl, calendar, autoPump);
    }

    public SandboxOptions withSeed(long s) {
        return new SandboxOptions(restPort, wsPort, speed, s, start, date, ticksPerSecond, instruments, marketClock, wallClock,
                apiKey, accessToken, apiSecret, redirectUrl, calendar, autoPump);
    }

    /** Simulated session start: date (null = latest trading day) and time of day (null = now in hours, else 09:15). */
    public SandboxOptions withStart(LocalDate d, LocalTime t) {
        return new SandboxOptions(restPort, wsPort, speed, seed, t, d, ticksPerSecond, instruments, marketClock, wallClock,
                apiKey, accessToken, apiSecret, redirectUrl, calendar, autoPump);
    }

    public SandboxOptions withTicksPerSecond(double r) {
        return new SandboxOptions(restPort, wsPort, speed, seed, start, date, r, instruments, marketClock, wallClock,
                apiKey, accessToken, apiSecret, redirectUrl, calendar, autoPump);
    }

    public SandboxOptions withInstruments(List<Instrument> list) {
        return new SandboxOptions(restPort, wsPort, speed, seed, start, date, ticksPerSecond, list, marketClock, wallClock,
                apiKey, accessToken, apiSecret, redirectUrl, calendar, autoPump);
    }

    /** Injects market time; the simulated date becomes the clock's IST date. */
    public SandboxOptions withMarketClock(MarketClock clock) {
        return new SandboxOptions(restPort, wsPort, speed, seed, start, date, ticksPerSecond, instruments, clock, wallClock,
                apiKey, accessToken, apiSecret, redirectUrl, calendar, autoPump);
    }

    public SandboxOptions withWallClock(Clock clock) {
        return new SandboxOptions(restPort, wsPort, speed, seed, start, date, ticksPerSecond, instruments, marketClock,
                Objects.requireNonNull(clock), apiKey, accessToken, apiSecret, redirectUrl, calendar, autoPump);
    }

    public SandboxOptions withCredentials(String key, String token, String secret) {
        return new SandboxOptions(restPort, wsPort, speed, seed, start, date, ticksPerSecond, instruments, marketClock, wallClock,
                key, token, secret, redirectUrl, calendar, autoPump);
    }

    public SandboxOptions withRedirectUrl(String url) {
        return new SandboxOptions(restPort, wsPort, speed, seed, start, date, ticksPerSecond, instruments, marketClock, wallClock,
                apiKey, accessToken, apiSecret, url, calendar, autoPump);
    }

    public SandboxOptions withCalendar(SessionCalendar cal) {
        return new SandboxOptions(restPort, wsPort, speed, seed, start, date, ticksPerSecond, instruments, marketClock, wallClock,
                apiKey, accessToken, apiSecret, redirectUrl, cal, autoPump);
    }

    public SandboxOptions withAutoPump(boolean on) {
        return new SandboxOptions(restPort, wsPort, speed, seed, start, date, ticksPerSecond, instruments, marketClock, wallClock,
                apiKey, accessToken, apiSecret, redirectUrl, calendar, on);
    }
}
