package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.niftyscanner.config.DotEnv;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteLogin;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.sandbox.SandboxExchange;
import io.niftyscanner.sandbox.SandboxOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code ./scanner login} end to end against the sandbox exchange: its login page, its redirect carrying the
 * state back in {@code redirect_params}, the callback, {@code POST /session/token}, .env. The "browser" is a real
 * HTTP client that reads the login page, follows the Approve link and the redirect, as a browser would.
 */
class LoginCommandTest {
    private static final String API_KEY = "kiteapp01";
    private static final String API_SECRET = "s3cretAPIsecretFORloginTEST0042";
    private static final String ENV_BEFORE = "# my keys\nZERODHA_API_KEY=" + API_KEY + "\nZERODHA_API_SECRET=" + API_SECRET
            + "\nZERODHA_ACCESS_TOKEN=stale\n";

    @TempDir
    Path base;
    private SandboxExchange sandbox;
    private int callbackPort;
    private final HttpClient browserHttp = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ListAppender<ILoggingEvent> loginLog = new ListAppender<>();

    @BeforeEach
    void setUp() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            callbackPort = probe.getLocalPort();
        }
        sandbox = SandboxExchange.start(SandboxOptions.defaults().withAutoPump(false)
                .withCredentials(API_KEY, "sandbox", API_SECRET).withRedirectUrl("http://127.0.0.1:" + callbackPort + "/"));
        Files.writeString(base.resolve(".env"), ENV_BEFORE);
        Files.setPosixFilePermissions(base.resolve(".env"), PosixFilePermissions.fromString("rw-------"));
        loginLog.start();
        ((Logger) LoggerFactory.getLogger(KiteLogin.class)).addAppender(loginLog);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(KiteLogin.class)).detachAppender(loginLog);
        sandbox.close();
    }

    private int login(KiteLogin.Browser browser) throws Exception {
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), base, Map.of("KITE_REST_URL", sandbox.restUrl()));
        return new LoginCommand(browser).run(List.of("--port", String.valueOf(callbackPort), "--timeout", "60"), ctx);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return browserHttp.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** What the user does in the browser: read the login page, press Approve; the redirects end on the callback. */
    private HttpResponse<String> approveOnTheLoginPage(String loginUrl) throws Exception {
        HttpResponse<String> page = get(loginUrl);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher approve = Pattern.compile("id=\"approve\" href=\"([^\"]+)\"").matcher(page.body());
        assertThat(approve.find()).as(page.body()).isTrue();
        return get(sandbox.restUrl() + approve.group(1).replace("&amp;", "&"));
    }

    private long sessionTokenRequests() {
        @SuppressWarnings("unchecked")
        Map<String, Long> byRoute = (Map<String, Long>) sandbox.statsJson().get("requests");
        return byRoute.getOrDefault("POST /session/token", 0L);
    }

    private String callback(String query) {
        return "http://127.0.0.1:" + callbackPort + "/?" + query;
    }

    private static String stateOf(String loginUrl) {
        Matcher m = Pattern.compile("redirect_params=([^&]+)").matcher(loginUrl);
        assertThat(m.find()).as(loginUrl).isTrue();
        String params = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        assertThat(params).matches("state=[0-9a-f]{32}");
        return params.substring("state=".length());
    }

    private void assertEnvHoldsAWorkingToken() throws Exception {
        String token = DotEnv.read(base.resolve(".env")).get("ZERODHA_ACCESS_TOKEN");
        assertThat(token).hasSize(32);
        assertThat(Files.readString(base.resolve(".env"))).isEqualTo(ENV_BEFORE.replace("=stale", "=" + token));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(base.resolve(".env")))).isEqualTo("rw-------");
        // the sandbox accepts it: it is the token its /session/token issued for the approved login
        assertThat(new KiteRestClient(KiteHttp.shared(), sandbox.restUrl(), new KiteSession(API_KEY, token)).profile().userId())
                .isEqualTo("SB0001");
        assertThat(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8))
                .doesNotContain(token).doesNotContain(API_SECRET);
    }

    @Test
    void logsInThroughTheSandboxLoginPageWithState() throws Exception {
        List<String> opened = new CopyOnWriteArrayList<>();
        List<HttpResponse<String>> landed = new CopyOnWriteArrayList<>();
        int code = login(url -> {
            opened.add(url);
            try {
                landed.add(approveOnTheLoginPage(url));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return true;
        });

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(opened).hasSize(1);
        String state = stateOf(opened.get(0));
        assertThat(opened.get(0)).startsWith(sandbox.restUrl() + "/connect/login?v=3&api_key=" + API_KEY + "&redirect_params=");
        HttpResponse<String> callbackPage = landed.get(0);
        assertThat(callbackPage.uri().toString()).startsWith("http://127.0.0.1:" + callbackPort + "/?")
                .contains("state=" + state).contains("request_token=");
        assertThat(callbackPage.statusCode()).isEqualTo(200);
        assertThat(callbackPage.body()).contains("Login complete");
        assertThat(sessionTokenRequests()).isEqualTo(1);
        assertEnvHoldsAWorkingToken();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Logged in as").contains("(SB0001)").contains("06:00 IST");
    }

    @Test
    void forgedCallbacksAreRefusedEscapedAndLoggedWhileTheLoginKeepsWaiting() throws Exception {
        List<HttpResponse<String>> forged = new CopyOnWriteArrayList<>();
        List<Long> sessionRequestsAfterForgeries = new CopyOnWriteArrayList<>();
        int code = login(url -> {
            try {
                // another web page races its own request token in, without the state
                forged.add(get(callback("action=login&type=login&status=success&request_token=forgedTOKEN123")));
                // ... or tries to abort the login, with a script in status
                forged.add(get(callback("status=" + URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8))));
                // ... or guesses a state, or sends terminal escapes for the log
                forged.add(get(callback("state=0123456789abcdef0123456789abcdef&request_token=forged2&status=success")));
                forged.add(get(callback("status=%1b%5b31mRED%0aFAKE+LOG+LINE")));
                sessionRequestsAfterForgeries.add(sessionTokenRequests());
                // the user then logs in for real: the login must still be waiting for it
                assertThat(approveOnTheLoginPage(url).body()).contains("Login complete");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return true;
        });

        assertThat(code).as("the forgeries did not end the login: " + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(sessionRequestsAfterForgeries).containsExactly(0L);
        assertThat(sessionTokenRequests()).as("only the real login reached /session/token").isEqualTo(1);
        for (HttpResponse<String> r : forged) {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("did not come from the login you started").contains("still waiting")
                    .doesNotContain("<script>").doesNotContain("alert(1)").doesNotContain("\u001b");
            assertThat(r.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'");
        }
        assertThat(forged.get(2).body()).contains("state is wrong");
        assertEnvHoldsAWorkingToken();
        assertThat(DotEnv.read(base.resolve(".env")).get("ZERODHA_ACCESS_TOKEN")).doesNotContain("forged");

        List<String> logged = loginLog.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("Ignored a request to the login callback")).toList();
        assertThat(logged).hasSize(4);
        assertThat(logged.get(0)).contains("request_token=\"****\"").doesNotContain("forgedTOKEN123");
        assertThat(logged.get(1)).contains("status=\"<script>alert(1)</script>\"");
        assertThat(logged.get(3)).contains("status=\"\\u001b[31mRED\\u000aFAKE LOG LINE\"")
                .doesNotContain("\u001b").doesNotContain("\n");
        String terminal = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(terminal).doesNotContain("<script>").doesNotContain("\u001b").doesNotContain("Login failed");
    }

    @Test
    void kitesOwnFailureRedirectEndsTheLoginWithAnEscapedMessage() throws Exception {
        List<HttpResponse<String>> pages = new CopyOnWriteArrayList<>();
        int code = login(url -> {
            try {
                String state = stateOf(url);
                pages.add(get(callback("action=login&state=" + state + "&status="
                        + URLEncoder.encode("<script>alert(1)</script>\u001b[2J", StandardCharsets.UTF_8))));
                pages.add(get(callback("action=login&state=" + state + "&status=success&request_token=late")));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return true;
        });

        assertThat(code).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(pages.get(0).statusCode()).isEqualTo(400);
        assertThat(pages.get(0).body()).contains("did not succeed").contains("&lt;script&gt;").doesNotContain("<script>")
                .doesNotContain("\u001b");
        assertThat(pages.get(1).statusCode()).as("the state is single-use").isEqualTo(409);
        String errText = err.toString(StandardCharsets.UTF_8);
        assertThat(errText).contains("Login failed: Kite login did not succeed").contains("\\u001b[2J").doesNotContain("\u001b");
        assertThat(sessionTokenRequests()).isZero();
        assertThat(Files.readString(base.resolve(".env"))).isEqualTo(ENV_BEFORE);
    }

    @Test
    void aDanglingEnvSymlinkIsRefusedBeforeTheLoginStarts() throws Exception {
        Files.delete(base.resolve(".env"));
        Files.createSymbolicLink(base.resolve(".env"), base.resolve("secrets/kite.env"));
        List<String> opened = new CopyOnWriteArrayList<>();
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), base, Map.of("KITE_REST_URL", sandbox.restUrl(),
                        "ZERODHA_API_KEY", API_KEY, "ZERODHA_API_SECRET", API_SECRET));
        int code = new LoginCommand(url -> opened.add(url)).run(List.of("--port", "0", "--timeout", "5"), ctx);
        assertThat(code).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(opened).as("no login page was opened").isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Login failed").contains("is a symlink to")
                .contains("does not exist");
    }

    @Test
    void withoutKeyAndSecretItSaysWhatIsNeeded() throws Exception {
        Files.delete(base.resolve(".env"));
        CliContext ctx = new CliContext(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8), base, Map.of());
        assertThat(new LoginCommand(url -> true).run(List.of("--no-browser"), ctx)).isEqualTo(Cli.EXIT_FAILURE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ZERODHA_API_KEY").contains("ZERODHA_API_SECRET");
    }

    @Test
    void aClearTextLoginPageOnAnotherHostIsRefused() throws Exception {
        CliContext ctx = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), base, Map.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LoginCommand(url -> true)
                        .run(List.of("--login-url", "http://kite.example.com", "--no-browser"), ctx))
                .hasMessageContaining("clear text").hasMessageContaining("https://");
    }
}
