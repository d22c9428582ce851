package io.niftyscanner.app;

import static io.niftyscanner.app.SandboxRig.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.niftyscanner.config.ConfigLoader;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.config.DotEnv;
import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.engine.InstrumentView;
import io.niftyscanner.feed.FeedState;
import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.feed.MarketClock;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.kite.TokenException;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.sandbox.SandboxExchange;
import io.niftyscanner.sandbox.SandboxOptions;
import io.niftyscanner.testing.MovedTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The morning rollover, end to end on loopback: the scanner runs against the sandbox exchange (as a Kite-compatible
 * server, with a key, a secret and a logged-in token in a real .env), the wall clock shared by both is moved through
 * 06:00 IST, Kite's daily end of every session. The scanner must say TOKEN_EXPIRED with the login to run and stop
 * asking; the real {@code ./scanner login} then writes a new token to .env, and the running scanner must be LIVE (or
 * polling) again with every instrument subscribed and ticking, without a restart.
 */
class TokenRolloverTest {
    private static final String API_KEY = "kiteapp01";
    private static final String API_SECRET = "s3cretAPIsecretFORrolloverTEST77";
    private static final Instant HALF_PAST_FIVE = SandboxRig.SESSION.atTime(LocalTime.of(5, 30)).atZone(SessionCalendar.IST).toInstant();
    private static final Instant JUST_AFTER_SIX = SandboxRig.SESSION.atTime(LocalTime.of(6, 0, 1)).atZone(SessionCalendar.IST).toInstant();

    @TempDir
    Path dir;
    private final MovedTime wall = new MovedTime(HALF_PAST_FIVE);
    private SandboxExchange sandbox;
    private int callbackPort;
    private final HttpClient browserHttp = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final List<FeedStatus> statuses = new CopyOnWriteArrayList<>();
    private final AtomicLong published = new AtomicLong();

    @BeforeEach
    void setUp() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            callbackPort = probe.getLocalPort();
        }
        // the simulated session runs at 10:00 on its own market clock; the wall clock (token lifetimes) is the test's
        Instant marketStart = SandboxRig.SESSION.atTime(LocalTime.of(10, 0)).atZone(SessionCalendar.IST).toInstant();
        sandbox = SandboxExchange.start(SandboxOptions.defaults().withSeed(7).withInstruments(SandboxRig.INSTRUMENTS)
                .withWallClock(wall).withMarketClock(io.niftyscanner.sandbox.MarketClock.scaled(Clock.systemUTC(), marketStart, 5))
                .withCredentials(API_KEY, "static-token-not-used", API_SECRET)
                .withRedirectUrl("http://127.0.0.1:" + callbackPort + "/"));
        Files.writeString(dir.resolve(".env"), "ZERODHA_API_KEY=" + API_KEY + "\nZERODHA_API_SECRET=" + API_SECRET + "\n");
        Files.setPosixFilePermissions(dir.resolve(".env"), PosixFilePermissions.fromString("rw-------"));
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        sandbox.close();
    }

    @Test
    void theStreamComesBackAfterSixWithTheNewTokenAndEveryInstrumentSubscribed() throws Exception {
        rollOver(DataMode.STREAM);
    }

    @Test
    void pollingComesBackAfterSixWithTheNewToken() throws Exception {
        rollOver(DataMode.POLL);
    }

    private void rollOver(DataMode mode) throws Exception {
        String yesterdays = login();
        try (ScannerRuntime rt = start(mode)) {
            await("data flowing before 06:00", Duration.ofSeconds(30), () -> flowing(rt, mode) && rt.view().ticks() > 0);

            wall.set(JUST_AFTER_SIX);
            long movedNanos = System.nanoTime();
            await("TOKEN_EXPIRED after 06:00", Duration.ofSeconds(15), () -> rt.supervisor().status().state() == FeedState.TOKEN_EXPIRED);
            long expiredMillis = (System.nanoTime() - movedNanos) / 1_000_000L;
            FeedStatus expired = rt.supervisor().status();
            assertThat(expired.message()).contains("./scanner login").contains("File > Log in to Kite");
            // the exchange agrees: yesterday's token is dead (the sandbox ends sessions at 06:00 on its clock too)
            assertThatThrownBy(() -> new KiteRestClient(KiteHttp.shared(), sandbox.restUrl(), new KiteSession(API_KEY, yesterdays))
                    .profile()).isInstanceOf(TokenException.class);
            long quotes = requests("GET /quote");
            long sockets = websocketsTotal();
            long beats = published.get();
            await("three supervisor beats", Duration.ofSeconds(30), () -> published.get() >= beats + 3);
            long requestsWhileExpired = requests("GET /quote") - quotes + websocketsTotal() - sockets;
            assertThat(requests("GET /quote")).as("no polling with a dead token").isEqualTo(quotes);
            assertThat(websocketsTotal()).as("no reconnect loop with a dead token").isEqualTo(sockets);
            assertThat(rt.supervisor().status().state()).isEqualTo(FeedState.TOKEN_EXPIRED);

            long ticksBefore = rt.view().ticks();
            long marketAtLogin = rt.clock().now();
            String todays = login(); // ./scanner login in another terminal: .env is replaced by an atomic rename
            assertThat(todays).isNotEqualTo(yesterdays);
            long loggedInNanos = System.nanoTime();

            await((mode == DataMode.STREAM ? "LIVE" : "POLLING") + " again with ticks of every instrument", Duration.ofSeconds(45),
                    () -> flowing(rt, mode) && rt.view().ticks() > ticksBefore + 20 && everyInstrumentTickedAfter(rt, marketAtLogin));
            long backMillis = (System.nanoTime() - loggedInNanos) / 1_000_000L;
            assertThat(rt.rest().session().accessToken()).as("the REST client uses the new token").isEqualTo(todays);
            if (mode == DataMode.STREAM) {
                assertThat(((Map<?, ?>) sandbox.statsJson().get("websocket")).get("open")).as("one socket, the new one")
                        .isEqualTo(1L);
            }
            List<FeedState> seen = statuses.stream().map(FeedStatus::state).distinct().toList();
            assertThat(seen).contains(FeedState.TOKEN_EXPIRED);
            for (String token : List.of(yesterdays, todays)) {
                assertThat(log.list).as("no log line holds a token").noneMatch(e -> e.getFormattedMessage().contains(token));
                assertThat(statuses).as("no status holds a token").noneMatch(s -> s.message().contains(token));
            }
            Map<String, Object> figures = new java.util.LinkedHashMap<>();
            figures.put("mode", mode.id());
            figures.put("expired_after_ms", expiredMillis);
            figures.put("requests_while_expired", requestsWhileExpired);
            figures.put("back_after_login_ms", backMillis);
            figures.put("instruments_resubscribed", rt.engine().snapshot().instruments().size());
            io.niftyscanner.tools.ReliabilityFigures.record("token-rollover", figures);
            System.err.printf("rollover (%s): TOKEN_EXPIRED %d ms after the clock passed 06:00; %s again, every instrument"
                    + " ticking, %d ms after the login wrote .env%n", mode.id(), expiredMillis, rt.supervisor().status().state(), backMillis);
        }
    }

    private static boolean flowing(ScannerRuntime rt, DataMode mode) {
        FeedStatus s = rt.supervisor().status();
        return mode == DataMode.STREAM ? s.state() == FeedState.LIVE : s.state() == FeedState.POLLING && s.pollCycleMillis() >= 0;
    }

    private static boolean everyInstrumentTickedAfter(ScannerRuntime rt, long marketMillis) {
        for (InstrumentView v : rt.engine().snapshot().instruments()) {
            if (v.lastTickMillis() <= marketMillis) {
                return false;
            }
        }
        return true;
    }

    private ScannerRuntime start(DataMode mode) throws Exception {
        Path tokens = dir.resolve("instrument_tokens.json");
        InstrumentTokensFile.save(tokens, SandboxRig.INSTRUMENTS, OffsetDateTime.parse("2026-11-23T05:00:00+05:30"));
        Map<String, String> overrides = new HashMap<>();
        overrides.put("instruments.file", tokens.toString());
        overrides.put("journal.path", dir.resolve("journal.db").toString());
        overrides.put("poll.interval.seconds", "1");
        overrides.put("feed.watchdog.seconds", "2");
        overrides.put("holidays", "");
        overrides.put("alerts.sound", "false");
        overrides.put("alerts.notification", "false");
        ScannerConfig config = ConfigLoader.load(dir, Map.of("KITE_REST_URL", sandbox.restUrl(), "KITE_WS_URL", sandbox.wsUrl()),
                overrides);
        assertThat(config.kite().useSandbox()).isFalse();
        return ScannerRuntime.start(config, new ScannerRuntime.Options(mode, 0, false, null).withClock(new MarketClock(wall, System::nanoTime)),
                new ScannerRuntime.Events() {
                    @Override
                    public void onStatus(FeedStatus status, boolean changed) {
                        published.incrementAndGet();
                        if (changed) {
                            statuses.add(status);
                        }
                    }
                });
    }

    /** The real {@code ./scanner login}: the browser reads the sandbox's login page and presses Approve. Returns the new token. */
    private String login() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8),
                dir, Map.of("KITE_REST_URL", sandbox.restUrl()));
        int code = new LoginCommand(url -> {
            try {
                HttpResponse<String> page = get(url);
                Matcher approve = Pattern.compile("id=\"approve\" href=\"([^\"]+)\"").matcher(page.body());
                assertThat(approve.find()).as(page.body()).isTrue();
                assertThat(get(sandbox.restUrl() + approve.group(1).replace("&amp;", "&")).body()).contains("Login complete");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return true;
        }).run(List.of("--port", String.valueOf(callbackPort), "--timeout", "60"), ctx);
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        String token = DotEnv.read(dir.resolve(".env")).get("ZERODHA_ACCESS_TOKEN");
        assertThat(token).hasSize(32);
        return token;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return browserHttp.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private long requests(String route) {
        return ((Map<String, Long>) sandbox.statsJson().get("requests")).getOrDefault(route, 0L);
    }

    private long websocketsTotal() {
        return ((Number) ((Map<?, ?>) sandbox.statsJson().get("websocket")).get("total")).longValue();
    }

}
