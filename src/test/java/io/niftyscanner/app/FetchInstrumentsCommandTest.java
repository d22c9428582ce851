package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.InstrumentTokensFile;
import io.niftyscanner.market.Instrument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchInstrumentsCommandTest {
    private static final String CSV = "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,"
            + "lot_size,instrument_type,segment,exchange\n"
            + "408065,1594,INFY,INFOSYS,0,,0,0.05,1,EQ,NSE,NSE\n"
            + "738561,2885,RELIANCE,RELIANCE INDUSTRIES,0,,0,0.05,1,EQ,NSE,NSE\n"
            + "256265,1001,NIFTY 50,NIFTY 50,0,,0,0,0,EQ,INDICES,NSE\n"
            + "12345601,48225,INFY-BE,INFOSYS,0,,0,0.05,1,BE,NSE,NSE\n";

    @TempDir
    Path base;
    private final MockWebServer server = new MockWebServer();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        Files.createDirectories(base.resolve("config"));
        Files.writeString(base.resolve("config/nifty50.txt"), "# test list\nRELIANCE\nINFY\nTATAMOTORS\n");
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private int run(Map<String, String> env) throws Exception {
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), base, env);
        return new FetchInstrumentsCommand().run(List.of(), ctx);
    }

    private static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return bo.toByteArray();
    }

    @Test
    void writesFoundInstrumentsAndReportsTheMissingOnes() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/csv")
                .setHeader("Content-Encoding", "gzip").body(new Buffer().write(gzip(CSV))).build());
        int code = run(Map.of("KITE_REST_URL", server.url("/").toString()));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "Fetched 4 instruments from NSE",
                "Found 2 of 3 NIFTY 50 instruments",
                "Missing: TATAMOTORS",
                "Saved to: instrument_tokens.json");
        RecordedRequest req = server.takeRequest();
        assertThat(req.getUrl().encodedPath()).isEqualTo("/instruments/NSE");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("token sandbox:sandbox");
        List<Instrument> saved = InstrumentTokensFile.load(base.resolve("instrument_tokens.json"));
        assertThat(saved).extracting(Instrument::symbol).containsExactly("RELIANCE", "INFY");
        assertThat(saved).extracting(Instrument::token).containsExactly(738561L, 408065L);
        assertThat(saved.get(0).name()).isEqualTo("RELIANCE INDUSTRIES");
    }

    @Test
    void aFailedDownloadLeavesTheOldFileUntouched() throws Exception {
        Path file = base.resolve("instrument_tokens.json");
        Files.writeString(file, "{\"RELIANCE\": 738561}\n");
        server.enqueue(new MockResponse.Builder().code(403).setHeader("Content-Type", "application/json")
                .body("{\"status\":\"error\",\"message\":\"Invalid token\",\"error_type\":\"TokenException\"}").build());
        int code = run(Map.of("KITE_REST_URL", server.url("/").toString(), "ZERODHA_API_KEY", "k",
                "ZERODHA_ACCESS_TOKEN", "expiredtoken1"));
        assertThat(code).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("run ./scanner login").contains("was left as it was")
                .doesNotContain("expiredtoken1");
        assertThat(Files.readString(file)).isEqualTo("{\"RELIANCE\": 738561}\n");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("token k:expiredtoken1");
    }

    @Test
    void aTruncatedDumpLeavesTheOldFileUntouched() throws Exception {
        Path file = base.resolve("instrument_tokens.json");
        Files.writeString(file, "{\"RELIANCE\": 738561}\n");
        byte[] gz = gzip(CSV);
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/csv")
                .body(new Buffer().write(java.util.Arrays.copyOf(gz, gz.length / 2))).build());
        int code = run(Map.of("KITE_REST_URL", server.url("/").toString()));
        assertThat(code).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("gzip");
        assertThat(Files.readString(file)).isEqualTo("{\"RELIANCE\": 738561}\n");
    }

    @Test
    void withoutCredentialsOrServerItFetchesFromAnEmbeddedSandboxAndSaysSo() throws Exception {
        int code = run(Map.of());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Cli.EXIT_OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No Kite credentials").contains("embedded sandbox")
                .contains("Found 3 of 3 NIFTY 50 instruments").contains("./scanner login");
        assertThat(InstrumentTokensFile.load(base.resolve("instrument_tokens.json")))
                .as("the sandbox's list carries the real Kite tokens (nifty50.md)")
                .extracting(Instrument::symbol, Instrument::token)
                .contains(org.assertj.core.groups.Tuple.tuple("RELIANCE", 738561L), org.assertj.core.groups.Tuple.tuple("INFY", 408065L),
                        org.assertj.core.groups.Tuple.tuple("TATAMOTORS", 884737L));
        assertThat(server.getRequestCount()).as("nothing else was asked").isZero();
    }
}
