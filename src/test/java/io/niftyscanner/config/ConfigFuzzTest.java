package io.niftyscanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.tools.ReliabilityFigures;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Config values, random and mutated, for every key of config/scanner.properties (read from the file, so keys added later
 * are fuzzed too), for the environment's Kite and alert settings, and whole .env lines. The config either loads or stops
 * with a {@link ConfigException} that names the key (or the .env line) that is wrong; never another exception, and a
 * .env line is never repeated in the message (it may hold a secret).
 */
class ConfigFuzzTest {
    private static final AtomicLong VALUES = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();
    private static final List<String> KEYS = new ArrayList<>();
    private static final Map<String, String> DEFAULTS = new HashMap<>();
    private static Path dir;

    @BeforeContainer
    static void keys() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(ConfigLoader.PROPERTIES_FILE), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        p.stringPropertyNames().stream().sorted().forEach(k -> {
            KEYS.add(k);
            DEFAULTS.put(k, p.getProperty(k));
        });
        assertThat(KEYS).as("keys of " + ConfigLoader.PROPERTIES_FILE).hasSizeGreaterThan(40);
        dir = Files.createTempDirectory("config-fuzz");
    }

    @AfterContainer
    static void figures() throws IOException {
        ReliabilityFigures.record("fuzz: config values", Map.of("values", VALUES.get(), "refused_with_reason", REFUSED.get(),
                "keys", KEYS.size()));
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static Arbitrary<String> odd() {
        return Arbitraries.of("", " ", "0", "-1", "1", "2", "59", "60", "61", "3600", "2147483647", "2147483648",
                "-2147483648", "9223372036854775808", "1e3", "0.5", "-0.0", "NaN", "Infinity", "100.0000001", "true", "false", "yes",
                "maybe", "stream", "poll", "hybrid", "STREAM", "MIS", "cnc", "09:15-10:00", "10:00-09:15", "09:15-", "-", ",",
                "25:00-26:00", "09:15-10:00,,14:00-15:30", "2026-11-08 18:00-19:15", "2026-11-08 ,", "2026-02-30", "2026-11-08",
                "2026-11-08 19:15-18:00", "https://api.telegram.org", "http://example.com/hook", "https://user:pw@h/x",
                "ws://127.0.0.1:1", "https://h .com", "ftp://x", "data/journal.db", "../../etc/passwd", "a\u0000b", "\u0000",
                "/dev/null", "config/nifty50.txt", "٣", "１２", "0x10", "+5", " 7 ", "5 #comment");
    }

    private static Arbitrary<String> values() {
        Arbitrary<String> odd = odd();
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(30);
        return Arbitraries.frequencyOf(Tuple.of(6, odd), Tuple.of(2, text), Tuple.of(2, Arbitraries.integers().map(String::valueOf)));
    }

    @Provide
    Arbitrary<Map<String, String>> overrides() {
        Arbitrary<String> key = Arbitraries.of(KEYS);
        Arbitrary<String> mutatedDefault = Combinators.combine(key, Arbitraries.integers().greaterOrEqual(0), Arbitraries.chars().ascii())
                .as((k, at, c) -> {
                    String d = DEFAULTS.get(k);
                    int i = at % (d.length() + 1);
                    return k + "\u0001" + d.substring(0, i) + c + d.substring(Math.min(d.length(), i + 1));
                });
        Arbitrary<String> pair = Arbitraries.oneOf(Combinators.combine(key, values()).as((k, v) -> k + "\u0001" + v), mutatedDefault);
        return pair.list().ofMinSize(1).ofMaxSize(4).map(l -> {
            Map<String, String> m = new HashMap<>();
            for (String p : l) {
                int sep = p.indexOf('\u0001');
                m.put(p.substring(0, sep), p.substring(sep + 1));
            }
            return m;
        });
    }

    @Property(tries = 3000)
    void everyValueLoadsOrIsRefusedNamingItsKey(@ForAll("overrides") Map<String, String> overrides) {
        VALUES.addAndGet(overrides.size());
        try {
            ScannerConfig config = ConfigLoader.load(dir, Map.of(), overrides);
            assertThat(config.dump()).as("a loaded config can be shown").isNotEmpty();
            assertThat(config.feed().pollIntervalSeconds()).isPositive();
            assertThat(config.strategy().emaFast()).isLessThan(config.strategy().emaSlow());
        } catch (ConfigException e) {
            REFUSED.incrementAndGet();
            assertThat(e.getMessage()).as("the reason names a key of %s", overrides).isNotBlank()
                    .satisfies(m -> assertThat(overrides.keySet().stream().anyMatch(m::contains)).as(m).isTrue());
        }
    }

    /** Every key with every odd value, exhaustively (the random property above mixes them). */
    @Provide
    Arbitrary<Map<String, String>> everyKeyWithEveryOddValue() {
        return Combinators.combine(Arbitraries.of(KEYS), odd()).as(Map::of);
    }

    @Property(generation = net.jqwik.api.GenerationMode.EXHAUSTIVE, tries = 10_000)
    void everyKeyTakesEveryOddValueOrRefusesItNamingTheKey(@ForAll("everyKeyWithEveryOddValue") Map<String, String> one) {
        everyValueLoadsOrIsRefusedNamingItsKey(one);
    }

    @Provide
    Arbitrary<Map<String, String>> environments() {
        Arbitrary<String> key = Arbitraries.of("KITE_REST_URL", "KITE_WS_URL", "ALERTS_WEBHOOK_URL", "ZERODHA_API_KEY",
                "ZERODHA_ACCESS_TOKEN", "ZERODHA_API_SECRET", "TELEGRAM_BOT_TOKEN", "TELEGRAM_CHAT_ID");
        Arbitrary<String> url = Arbitraries.of("https://api.kite.trade", "wss://ws.kite.trade", "http://127.0.0.1:8700", "ws://[::1]:9",
                "http://10.0.0.5:8700", "https://host:99999", "https://h/p?q=1", "wss://h/#f", "https://", "//h", "h:80", "https://h h",
                "https://user@h", "https://h/\u0007", "https://[::1", "HTTPS://API.KITE.TRADE/", "wss://ws.kite.trade?x=1&access_token=abc");
        return Combinators.combine(key, Arbitraries.oneOf(url, values())).as(Map::entry).list().ofMinSize(1).ofMaxSize(3).map(l -> {
            Map<String, String> m = new HashMap<>();
            l.forEach(e -> m.put(e.getKey(), e.getValue()));
            return m;
        });
    }

    @Property(tries = 1500)
    void theEnvironmentLoadsOrIsRefusedNamingItsVariable(@ForAll("environments") Map<String, String> env) {
        VALUES.addAndGet(env.size());
        try {
            ConfigLoader.load(dir, env, Map.of());
        } catch (ConfigException e) {
            REFUSED.incrementAndGet();
            assertThat(e.getMessage()).as("the reason names a variable of %s", env).isNotBlank()
                    .satisfies(m -> assertThat(env.keySet().stream().anyMatch(k -> m.contains(k)
                            || k.equals("ALERTS_WEBHOOK_URL") && m.contains("alerts.webhook.url"))).as(m).isTrue());
        }
    }

    @Property(tries = 800)
    void dotEnvLinesLoadOrAreRefusedWithoutBeingRepeated(@ForAll("envLines") List<String> lines) throws IOException {
        VALUES.addAndGet(lines.size());
        Path d = Files.createTempDirectory(dir, "env");
        Files.writeString(d.resolve(".env"), String.join("\n", lines) + "\n");
        try {
            ConfigLoader.load(d, Map.of(), Map.of());
        } catch (ConfigException e) {
            REFUSED.incrementAndGet();
            assertThat(e.getMessage()).as("the reason").isNotBlank().containsAnyOf(".env", "KITE_", "ALERTS_WEBHOOK_URL");
            assertThat(e.getMessage()).as("a secret on a broken line is not repeated").doesNotContain("S3CRETvalue");
        }
    }

    @Provide
    Arbitrary<List<String>> envLines() {
        Arbitrary<String> line = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("ZERODHA_API_KEY=k", "ZERODHA_ACCESS_TOKEN=S3CRETvalue", "export ZERODHA_API_SECRET='S3CRETvalue'",
                        "# comment", "", "KITE_REST_URL=http://127.0.0.1:1", "KITE_WS_URL=\"ws://127.0.0.1:2\"", "=S3CRETvalue",
                        "S3CRETvalue", "ZERODHA_ACCESS_TOKEN = S3CRETvalue # today", "KITE_REST_URL=https://h h", "X=\"unclosed",
                        "\uFEFFZERODHA_API_KEY=k", "export", "A==B")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(40).map(s -> s + "S3CRETvalue")));
        return line.list().ofMaxSize(6);
    }
}
