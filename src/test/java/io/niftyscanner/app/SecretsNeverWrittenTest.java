package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.sandbox.FaultKind;
import io.niftyscanner.sandbox.SandboxExchange;
import io.niftyscanner.sandbox.SandboxOptions;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app run as the user runs it (its own JVM, the shipped logback.xml, files in its working directory) with
 * known secrets, failing in every way it can: bad URLs, a refused access token, an exchange answering 5xx, a login
 * nobody completes. Afterwards everything it wrote (stdout, stderr, logs/, the journal) is searched for the two
 * secrets, which must not be there.
 */
class SecretsNeverWrittenTest {
    private static final String API_KEY = "scanapp01";
    private static final String API_SECRET = "SCANsecret" + random();
    private static final String ACCESS_TOKEN = "SCANtoken" + random();
    private static final List<Instrument> INSTRUMENTS = List.of(Instrument.nseEquity("RELIANCE", 738561),
            Instrument.nseEquity("INFY", 408065), Instrument.nseEquity("TCS", 2953217));

    @TempDir
    Path base;

    private static String random() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private record Run(String name, int exit, String stdout, String stderr) {}

    /** {@code ./scanner ARGS} in {@code base} as its own process; returns once it has ended. */
    private Run run(String name, Map<String, String> env, String... args) throws Exception {
        URL shippedLogConfig = SecretsNeverWrittenTest.class.getResource("/logback.xml");
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + Paths.get(shippedLogConfig.toURI()), "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "io.niftyscanner.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(base.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("ZERODHA_") || k.startsWith("KITE_"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(base.getParent(), name, ".out");
        Path err = Files.createTempFile(base.getParent(), name, ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not end within 120 s");
        }
        return new Run(name, p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static SandboxExchange sandbox(String acceptedToken) throws IOException {
        return SandboxExchange.start(SandboxOptions.defaults().withCredentials(API_KEY, acceptedToken, API_SECRET)
                .withInstruments(INSTRUMENTS).withStart(LocalDate.of(2026, 11, 23), LocalTime.of(10, 0)).withSpeed(5));
    }

    private static Map<String, String> urls(SandboxExchange x) {
        return Map.of("KITE_REST_URL", x.restUrl(), "KITE_WS_URL", x.wsUrl());
    }

    @SuppressWarnings("unchecked")
    private static long requests(SandboxExchange x, String route) {
        return ((Map<String, Long>) x.statsJson().get("requests")).getOrDefault(route, 0L);
    }

    @Test
    void failingRunsWriteNeitherTheApiSecretNorTheAccessToken() throws Exception {
        Files.writeString(base.resolve(".env"), "ZERODHA_API_KEY=" + API_KEY + "\nZERODHA_API_SECRET=" + API_SECRET
                + "\nZERODHA_ACCESS_TOKEN=" + ACCESS_TOKEN + "\n");
        Files.setPosixFilePermissions(base.resolve(".env"), PosixFilePermissions.fromString("rw-------"));
        Files.createDirectories(base.resolve("config"));
        Files.writeString(base.resolve("config/nifty50.txt"), "RELIANCE\nINFY\nTCS\n");
        Files.writeString(base.resolve("config/scanner.properties"), "feed.watchdog.seconds = 2\nfeed.reconnect.max.attempts = 2\n"
                + "poll.interval.seconds = 1\nholidays =\n");
        InstrumentTokensFile.save(base.resolve("instrument_tokens.json"), INSTRUMENTS, OffsetDateTime.parse("2026-11-23T08:30:00+05:30"));
        List<Run> runs = new ArrayList<>();

        try (SandboxExchange refusing = sandbox("AnotherDaysToken0000000000000001");
             SandboxExchange failing = sandbox(ACCESS_TOKEN)) {
            // bad URLs: the ticker URL carries the token, the REST URL the secret, neither may be echoed
            runs.add(run("bad-ws-url", Map.of("KITE_WS_URL", "ws://127.0.0.1:" + failing.wsPort() + "/a b?access_token="
                    + ACCESS_TOKEN), "scan", "--headless", "--duration", "2"));
            runs.add(run("insecure-url", Map.of("KITE_REST_URL", "http://kite.example.com/" + API_SECRET),
                    "fetch-instruments"));
            // a refused access token, on the socket and on REST
            runs.add(run("refused-stream", urls(refusing), "scan", "--headless", "--json", "--duration", "4"));
            runs.add(run("refused-poll", urls(refusing), "scan", "--headless", "--mode", "poll", "--duration", "3"));
            runs.add(run("refused-fetch", urls(refusing), "fetch-instruments"));
            assertThat(requests(refusing, "GET /instruments/{exchange}")).as("the refused fetch reached the exchange").isPositive();
            assertThat(((Map<?, ?>) refusing.statsJson().get("websocket")).get("rejected")).as("the refused ticker too")
                    .isNotEqualTo(0L);
            // an exchange that answers 5xx
            failing.fault(FaultKind.SERVER_ERROR, Duration.ofMinutes(10));
            runs.add(run("server-error-fetch", urls(failing), "fetch-instruments"));
            runs.add(run("server-error-scan", urls(failing), "scan", "--headless", "--mode", "hybrid", "--json", "--duration", "4"));
            // a login no one completes: the secret is in memory the whole time
            runs.add(run("login-timeout", Map.of("KITE_REST_URL", failing.restUrl()), "login", "--no-browser", "--port", "0",
                    "--timeout", "2"));
        }

        for (Run r : runs) {
            if (!r.name().endsWith("-scan") && !r.name().startsWith("refused-stream") && !r.name().startsWith("refused-poll")) {
                assertThat(r.exit()).as(r.name() + " failed, as it should: " + r.stderr()).isNotZero();
            }
        }
        assertThat(runs.get(0).stderr()).contains("KITE_WS_URL").contains("is not valid").contains("access_token=****");
        assertThat(runs.get(1).stderr()).contains("clear text").contains("kite.example.com/****");
        assertThat(runs.get(2).stdout()).contains("TOKEN_EXPIRED");
        assertThat(runs.get(5).stderr()).contains("Could not fetch instruments");

        List<Path> written;
        try (Stream<Path> files = Files.walk(base)) {
            written = files.filter(Files::isRegularFile).filter(f -> !f.equals(base.resolve(".env"))).toList();
        }
        assertThat(written).as("the app wrote its log and its journal")
                .anySatisfy(f -> assertThat(f.toString()).endsWith("logs/scanner.log"))
                .anySatisfy(f -> assertThat(f.toString()).endsWith("data/journal.db"));
        String log = Files.readString(base.resolve("logs/scanner.log"));
        assertThat(log).as("the failures were logged").contains("403").contains("503");
        for (Path f : written) {
            String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertThat(content).as(base.relativize(f).toString()).doesNotContain(API_SECRET).doesNotContain(ACCESS_TOKEN);
        }
        for (Run r : runs) {
            assertThat(r.stdout() + r.stderr()).as(r.name()).doesNotContain(API_SECRET).doesNotContain(ACCESS_TOKEN);
        }
    }
}
