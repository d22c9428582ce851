package io.niftyscanner.app;

import static io.niftyscanner.app.SandboxRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.sandbox.FaultKind;
import io.niftyscanner.sandbox.SandboxExchange;
import io.niftyscanner.sandbox.SandboxOptions;
import io.niftyscanner.tools.ReliabilityFigures;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 5: a whole trading day (09:15 to 15:30) at {@value #SPEED}x, auto-trading, in a scanner process of its
 * own against a sandbox exchange in this JVM that drops, stalls and garbles the feed and fails REST calls every half
 * hour of market time. Every {@value #SAMPLE_MINUTES} market minutes the test reads, over JMX, the process's heap after
 * a full GC and its live threads, and its resident memory from /proc. After start-up (the first
 * {@value #STARTUP_MINUTES} market minutes: warm-up, the first signals and orders), the second half of the day holds
 * the first half's heap and threads within the bounds stated below; so does the process after the close.
 */
class LongSessionResourcesTest {
    static final double SPEED = 300;
    static final int SAMPLE_MINUTES = 10;
    static final int STARTUP_MINUTES = 30;
    /** Heap after GC, second half of the day at most the first half's largest times this, plus {@link #HEAP_SLACK_MB}. */
    static final double HEAP_GROWTH = 1.10;
    static final double HEAP_SLACK_MB = 2;
    /**
     * Threads after start-up, feed LIVE and every socket connected: never more than this many above the fewest seen so,
     * nor above the first half's most: threads of the JDK's and OkHttp's pools ({@link #POOL_THREAD}) come and go. The
     * scanner's own threads, kind by kind, never outnumber the first half's.
     */
    static final int THREAD_SPREAD = 3;
    /** Threads of JDK and library pools that end after an idle time and start again when needed. */
    static final Pattern POOL_THREAD = Pattern.compile("process reaper|OkHttp TaskRunner|Okio Watchdog|OkHttp ConnectionPool");
    /** Resident memory, second half of the day at most the first half's largest times this (the JIT and malloc arenas grow). */
    static final double RSS_GROWTH = 1.5;
    private static final LocalDate SESSION = LocalDate.of(2026, 11, 23);
    /** The reading thread of one WebSocket (Java-WebSocket's name, digits replaced). */
    private static final String SOCKET_READER = "WebSocketConnectReadThread-#";
    private static final Pattern MEASUREMENT_THREAD = Pattern.compile("Attach Listener|RMI |JMX ");
    private static final List<Instrument> INSTRUMENTS = List.of(Instrument.nseEquity("RELIANCE", 738561),
            Instrument.nseEquity("INFY", 408065), Instrument.nseEquity("TCS", 2953217), Instrument.nseEquity("HDFCBANK", 341249),
            Instrument.nseEquity("SBIN", 779521), Instrument.nseEquity("ITC", 424961), Instrument.nseEquity("LT", 2939649),
            Instrument.nseEquity("AXISBANK", 1510401), Instrument.nseEquity("ICICIBANK", 1270529),
            Instrument.nseEquity("BHARTIARTL", 2714625), Instrument.nseEquity("KOTAKBANK", 492033),
            Instrument.nseEquity("MARUTI", 2815745));
    /** A fault every half hour of market time, from 10:00 to 15:00, in this order (then again from the top). */
    private static final List<FaultKind> FAULTS = List.of(FaultKind.DROP, FaultKind.STALL, FaultKind.SERVER_ERROR,
            FaultKind.MALFORMED, FaultKind.RATE_LIMIT, FaultKind.DROP_ORDER_RESPONSE);

    @TempDir
    Path dir;

    private SandboxExchange exchange;
    private ScannerProcess scanner;
    private JMXConnector jmx;

    @AfterEach
    void cleanUp() throws Exception {
        if (jmx != null) {
            jmx.close();
        }
        if (scanner != null) {
            scanner.process.destroyForcibly();
            scanner.process.waitFor(30, TimeUnit.SECONDS);
        }
        if (exchange != null) {
            exchange.close();
        }
    }

    /** One reading of the process. */
    record Sample(LocalTime market, String state, double heapMb, int threads, long threadsStarted, double rssMb,
                  Map<String, Integer> byName) {}

    @Test
    void aWholeDayAtHighSpeedWithFaultsHoldsHeapAndThreadsSteady() throws Exception {
        // the market stands still at 09:14 until the scanner has started (JVM, warm-up, order book read): on a busy
        // machine that takes from a few seconds to half a minute, which would otherwise be hours of market time
        PausableMarketClock clock = new PausableMarketClock(SessionCalendar.istMillis(SESSION, LocalTime.of(9, 14)), SPEED, true);
        exchange = SandboxExchange.start(SandboxOptions.defaults().withMarketClock(clock).withSeed(21).withInstruments(INSTRUMENTS));
        InstrumentTokensFile.save(dir.resolve("instrument_tokens.json"), INSTRUMENTS, OffsetDateTime.now());
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/scanner.properties"), String.join("\n", "holidays =", "strategy.warmup.days = 2",
                "strategy.ema.fast = 3", "strategy.ema.slow = 8", "strategy.stop.atr = 0.4", "strategy.target.atr = 0.6",
                "strategy.rsi.buy.min = 0", "strategy.rsi.buy.max = 100", "strategy.rsi.sell.min = 0", "strategy.rsi.sell.max = 100",
                "risk.max.orders.per.day = 1000", "risk.max.open.positions = 12", "risk.symbol.cooldown.seconds = 0",
                "risk.max.loss.per.day = 1000000", "orders.signal.max.age.seconds = 900", "alerts.sound = false",
                "alerts.notification = false", "alerts.telegram = false", ""));
        Map<String, String> env = ScannerProcess.kiteEnv(exchange);
        scanner = new ScannerProcess(dir, List.of("-Xmx512m"), env, List.of("scan", "--headless", "--auto-trade", "--json"));
        MBeanServerConnection mbeans = connect(scanner.process.pid());
        MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.THREAD_MXBEAN_NAME,
                ThreadMXBean.class);

        try {
            await("the scanner started: warm-up done, positions read", Duration.ofSeconds(120),
                    () -> !scanner.ofType("positions").isEmpty() && !lastStatusMessage().startsWith("Warm-up:")
                            && !threadNames(threads).containsKey("warm-up") || !scanner.alive());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; threads " + threadNames(threads) + "\nstdout " + scanner.lines
                    + "\nstderr " + scanner.err, e);
        }
        assertThat(scanner.alive()).as("the scanner runs\n%s", scanner.err).isTrue();
        clock.resume();

        List<Sample> samples = new ArrayList<>();
        Map<String, Integer> faultsInjected = new LinkedHashMap<>();
        // what happens when (market time): a reading every SAMPLE_MINUTES from the open, a fault every half hour 10:00-15:00
        TreeMap<LocalTime, FaultKind> plan = new TreeMap<>();
        for (LocalTime t = SessionCalendar.OPEN; !t.isAfter(LocalTime.of(15, 30)); t = t.plusMinutes(SAMPLE_MINUTES)) {
            plan.put(t, FaultKind.CLEAR); // CLEAR stands for a reading here
        }
        int n = 0;
        for (LocalTime t = LocalTime.of(10, 0); !t.isAfter(LocalTime.of(15, 0)); t = t.plusMinutes(30)) {
            plan.put(t.plusMinutes(1), FAULTS.get(n++ % FAULTS.size()));
        }
        for (Map.Entry<LocalTime, FaultKind> step : plan.entrySet()) {
            LocalTime due = step.getKey();
            await("market time " + due + "\n" + scanner.err, Duration.ofSeconds(120),
                    () -> !marketTime().isBefore(due) || !scanner.alive());
            assertThat(scanner.alive()).as("the scanner runs all day\n%s", scanner.err).isTrue();
            FaultKind kind = step.getValue();
            if (kind == FaultKind.CLEAR) {
                samples.add(sample(due, feedState(), memory, threads, scanner.process.pid()));
            } else {
                // stalls last longer than the ticker's watchdog (5 s), so they end in a reconnect too
                exchange.fault(kind, Duration.ofSeconds(kind == FaultKind.STALL ? 7 : 3));
                faultsInjected.merge(kind.wireName(), 1, Integer::sum);
            }
        }
        // after the close (the last fault long healed): the feed says so, then one more reading
        await("the market closed status\n" + scanner.err, Duration.ofSeconds(60), () -> {
            List<JsonNode> st = scanner.ofType("status");
            return !st.isEmpty() && st.get(st.size() - 1).get("state").asText().equals("MARKET_CLOSED");
        });
        Sample last = sample(marketTime(), feedState(), memory, threads, scanner.process.pid());

        List<Sample> afterStartup = samples.stream()
                .filter(s -> !s.market().isBefore(SessionCalendar.OPEN.plusMinutes(STARTUP_MINUTES))).toList();
        List<Sample> first = afterStartup.subList(0, afterStartup.size() / 2);
        List<Sample> second = afterStartup.subList(afterStartup.size() / 2, afterStartup.size());
        // threads are compared when the feed is LIVE and every socket (feed and order updates) is connected: a socket
        // between connections has no reader and writer thread
        int sockets = afterStartup.stream().mapToInt(s -> s.byName().getOrDefault(SOCKET_READER, 0)).max().orElseThrow();
        List<Sample> firstLive = first.stream().filter(s -> steady(s, sockets)).toList();
        List<Sample> secondLive = second.stream().filter(s -> steady(s, sockets)).toList();
        double firstHeapMax = first.stream().mapToDouble(Sample::heapMb).max().orElseThrow();
        double secondHeapMax = second.stream().mapToDouble(Sample::heapMb).max().orElseThrow();
        int firstThreadsMax = firstLive.stream().mapToInt(Sample::threads).max().orElseThrow();
        int secondThreadsMax = secondLive.stream().mapToInt(Sample::threads).max().orElseThrow();
        int liveThreadsMin = Math.min(firstLive.stream().mapToInt(Sample::threads).min().orElseThrow(),
                secondLive.stream().mapToInt(Sample::threads).min().orElseThrow());
        double firstRssMax = first.stream().mapToDouble(Sample::rssMb).max().orElseThrow();
        double secondRssMax = second.stream().mapToDouble(Sample::rssMb).max().orElseThrow();
        long reconnects = scanner.ofType("status").stream().filter(s -> s.get("state").asText().equals("RECONNECTING")).count();
        long orders = scanner.ofType("order").size();
        Map<String, Integer> firstByName = maxByName(firstLive);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("speed", SPEED);
        figures.put("samples", samples.size());
        figures.put("faults", faultsInjected);
        figures.put("reconnecting_statuses", reconnects);
        figures.put("signals", scanner.ofType("signal").size());
        figures.put("order_lines", orders);
        figures.put("heap_after_gc_mb_first_half_max", round(firstHeapMax));
        figures.put("heap_after_gc_mb_second_half_max", round(secondHeapMax));
        figures.put("heap_after_gc_mb_end", round(last.heapMb()));
        figures.put("threads_first_half_max", firstThreadsMax);
        figures.put("threads_second_half_max", secondThreadsMax);
        figures.put("threads_min_after_startup_live", liveThreadsMin);
        figures.put("steady_samples", firstLive.size() + secondLive.size());
        figures.put("threads_end", last.threads());
        figures.put("threads_started_total", last.threadsStarted());
        figures.put("rss_mb_first_half_max", round(firstRssMax));
        figures.put("rss_mb_second_half_max", round(secondRssMax));
        figures.put("rss_mb_end", round(last.rssMb()));
        ReliabilityFigures.record("long-session", figures);
        System.out.println("LongSessionResourcesTest figures " + figures);
        Map<String, Integer> previous = Map.of();
        for (Sample s : samples) {
            Map<String, Integer> diff = new TreeMap<>();
            for (Map.Entry<String, Integer> e : s.byName().entrySet()) {
                diff.put(e.getKey(), e.getValue() - previous.getOrDefault(e.getKey(), 0));
            }
            for (Map.Entry<String, Integer> e : previous.entrySet()) {
                diff.putIfAbsent(e.getKey(), -e.getValue());
            }
            diff.values().removeIf(v -> v == 0);
            System.out.printf("LongSessionResourcesTest %s %s heap %.1f MB, %d threads (%d started), rss %.0f MB; %s%n", s.market(),
                    s.state(), s.heapMb(), s.threads(), s.threadsStarted(), s.rssMb(), diff);
            previous = s.byName();
        }
        System.out.println("LongSessionResourcesTest threads at the end by name: " + last.byName());

        assertThat(scanner.ofType("signal")).as("the day had signals").isNotEmpty();
        assertThat(orders).as("and orders").isPositive();
        assertThat(reconnects).as("the feed faults made the scanner reconnect").isGreaterThanOrEqualTo(2);
        assertThat(secondHeapMax).as("heap after GC, second half of the day (MB), against the first's %.1f", firstHeapMax)
                .isLessThanOrEqualTo(firstHeapMax * HEAP_GROWTH + HEAP_SLACK_MB);
        assertThat(last.heapMb()).as("heap after GC after the close (MB)").isLessThanOrEqualTo(firstHeapMax * HEAP_GROWTH + HEAP_SLACK_MB);
        assertThat(secondRssMax).as("resident memory, second half of the day (MB), against the first's %.0f", firstRssMax)
                .isLessThanOrEqualTo(firstRssMax * RSS_GROWTH);
        assertThat(secondThreadsMax).as("threads in the second half (feed LIVE, sockets connected), against the first's %d", firstThreadsMax)
                .isLessThanOrEqualTo(firstThreadsMax + THREAD_SPREAD);
        Map<String, Integer> secondByName = maxByName(secondLive);
        secondByName.keySet().removeIf(name -> POOL_THREAD.matcher(name).lookingAt());
        assertThat(secondByName).as("none of the scanner's own kinds of thread grows in the second half: first %s", firstByName)
                .allSatisfy((name, count) -> assertThat(count).as(name).isLessThanOrEqualTo(firstByName.getOrDefault(name, 0)));
        assertThat(Math.max(firstThreadsMax, secondThreadsMax) - liveThreadsMin)
                .as("threads after start-up (feed LIVE, sockets connected) stay within %d of the fewest (%d)", THREAD_SPREAD,
                        liveThreadsMin)
                .isLessThanOrEqualTo(THREAD_SPREAD);
        assertThat(last.threads()).as("threads after the close, by name %s", last.byName())
                .isLessThanOrEqualTo(firstThreadsMax + THREAD_SPREAD);
    }

    private static boolean steady(Sample s, int sockets) {
        return s.state().equals("LIVE") && s.byName().getOrDefault(SOCKET_READER, 0) == sockets;
    }

    /** For each kind of thread, the most of it alive at once in these samples. */
    private static Map<String, Integer> maxByName(List<Sample> samples) {
        Map<String, Integer> out = new TreeMap<>();
        for (Sample s : samples) {
            s.byName().forEach((name, n) -> out.merge(name, n, Math::max));
        }
        return out;
    }

    private String lastStatusMessage() {
        List<JsonNode> st = scanner.ofType("status");
        return st.isEmpty() ? "Warm-up: not yet" : st.get(st.size() - 1).path("message").asText();
    }

    /** The state of the last status line the scanner printed. */
    private String feedState() {
        List<JsonNode> st = scanner.ofType("status");
        return st.isEmpty() ? "" : st.get(st.size() - 1).get("state").asText();
    }

    private LocalTime marketTime() {
        return SessionCalendar.ist(exchange.marketTimeMillis()).toLocalTime();
    }

    private static double round(double mb) {
        return Math.round(mb * 10) / 10.0;
    }

    /** The process's platform MBeans, through the attach API's local management agent (no port, no password). */
    private MBeanServerConnection connect(long pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
                try {
                    jmx = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
                } finally {
                    vm.detach();
                }
                return jmx.getMBeanServerConnection();
            } catch (IOException | AttachNotSupportedException e) {
                if (System.nanoTime() > deadline || !scanner.alive()) {
                    throw new AssertionError("cannot attach to the scanner process " + pid + ": " + e + "\n" + scanner.err, e);
                }
                Thread.sleep(200); // the JVM is still starting: its attach listener is not up yet
            }
        }
    }

    private static Sample sample(LocalTime market, String state, MemoryMXBean memory, ThreadMXBean threads, long pid) throws IOException {
        memory.gc();
        double heap = memory.getHeapMemoryUsage().getUsed() / 1048576.0;
        Map<String, Integer> byName = threadNames(threads);
        return new Sample(market, state, heap, byName.values().stream().mapToInt(Integer::intValue).sum(),
                threads.getTotalStartedThreadCount(), rssMb(pid), byName);
    }

    /**
     * Live threads by name, digits replaced by #, so pools and numbered threads group together; without the threads that
     * serve this measurement (attach listener, JMX and RMI).
     */
    private static Map<String, Integer> threadNames(ThreadMXBean threads) {
        Map<String, Integer> byName = new TreeMap<>();
        try {
            for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t != null && !MEASUREMENT_THREAD.matcher(t.getThreadName()).lookingAt()) {
                    byName.merge(t.getThreadName().replaceAll("\\d+", "#"), 1, Integer::sum);
                }
            }
        } catch (RuntimeException gone) {
            // the process ended: no threads to name
        }
        return byName;
    }

    private static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
            }
        }
        return -1;
    }
}
