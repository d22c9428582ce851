package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.DotEnv;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginCommandTest {
    @TempDir
    Path base;

    @Test
    void endToEndAgainstAKiteLikeServer() throws Exception {
        try (MockWebServer kite = new MockWebServer()) {
            kite.start(InetAddress.getLoopbackAddress(), 0);
            kite.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                    .body("{\"status\":\"success\",\"data\":{\"user_id\":\"AB1234\",\"user_name\":\"Asha Rao\","
                            + "\"access_token\":\"freshtoken42\",\"login_time\":\"2026-11-24 08:30:00\"}}").build());
            String envBefore = "# my keys\nZERODHA_API_KEY=abc\nZERODHA_API_SECRET=sec\nZERODHA_ACCESS_TOKEN=stale\n";
            Files.writeString(base.resolve(".env"), envBefore);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            AtomicReference<String> openedUrl = new AtomicReference<>();
            AtomicReference<String> callbackPage = new AtomicReference<>();
            // the "browser": the user logs in, and Kite redirects to our callback with a request token
            LoginCommand command = new LoginCommand(url -> {
                openedUrl.set(url);
                Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/").matcher(out.toString(StandardCharsets.UTF_8));
                assertThat(m.find()).isTrue();
                try {
                    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(m.group() + "?action=login&type=login&status=success&request_token=req123")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    callbackPage.set(r.statusCode() + " " + r.body());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return true;
            });
            CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), base,
                    Map.of("KITE_REST_URL", kite.url("/").toString()));

            int code = command.run(List.of("--port", "0", "--timeout", "20"), ctx);

            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            String restBase = kite.url("/").toString().replaceAll("/$", "");
            assertThat(openedUrl.get()).isEqualTo(restBase + "/connect/login?v=3&api_key=abc");
            assertThat(callbackPage.get()).startsWith("200 ").contains("Login complete");
            RecordedRequest req = kite.takeRequest();
            assertThat(req.getUrl().encodedPath()).isEqualTo("/session/token");
            // `echo -n abcreq123sec | sha256sum`
            assertThat(req.getBody().utf8()).isEqualTo("api_key=abc&request_token=req123&checksum="
                    + "20482afb0e0b3c3e9aa05d0c868364f4a2164fba445efada8b876cd45ba3bf0b");
            assertThat(Files.readString(base.resolve(".env"))).isEqualTo(envBefore.replace("=stale", "=freshtoken42"));
            assertThat(DotEnv.read(base.resolve(".env"))).containsEntry("ZERODHA_ACCESS_TOKEN", "freshtoken42");
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("Logged in as Asha Rao (AB1234).").contains("expires at").contains("06:00 IST")
                    .doesNotContain("freshtoken42").doesNotContain("sec\n");
        }
    }

    @Test
    void withoutKeyAndSecretItSaysWhatIsNeeded() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8), base, Map.of());
        assertThat(new LoginCommand(url -> true).run(List.of("--no-browser"), ctx)).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ZERODHA_API_KEY").contains("ZERODHA_API_SECRET");
    }
}
