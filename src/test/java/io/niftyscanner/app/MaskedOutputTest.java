package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import io.niftyscanner.config.Credentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * The one mask at work where the app writes: the log (through the shipped logback.xml, every line and every
 * exception chain) and the command line's terminal streams.
 */
class MaskedOutputTest {
    private static final String SECRET = "LogApiSecret0000000000000000001";
    private static final String TOKEN = "LogAccessToken00000000000000002";

    @TempDir
    Path dir;

    @Test
    void theShippedLogConfigurationMasksMessagesAndWholeExceptionChains() throws Exception {
        new Credentials("logkey", SECRET, TOKEN);
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("scanner.log.dir", dir.toString());
        context.putProperty("scanner.console.level", "OFF");
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        URL shipped = MaskedOutputTest.class.getResource("/logback.xml");
        assertThat(shipped.toString()).contains("classes/logback.xml").doesNotContain("test-classes");
        joran.doConfigure(shipped);
        Logger log = context.getLogger("io.niftyscanner.test");

        IOException root = new IOException("connect to wss://ws.example?api_key=k&access_token=" + TOKEN + " failed");
        IllegalStateException middle = new IllegalStateException("session with secret " + SECRET, root);
        UncheckedIOException top = new UncheckedIOException("Authorization: token logkey:unknownTok42 refused",
                new IOException("wrapped", middle));
        top.addSuppressed(new RuntimeException("suppressed api_secret=plainSecretValue"));
        log.error("login failed for {} with {}", "ZERODHA_API_SECRET=" + SECRET, TOKEN, top);
        log.warn("status \u001b[2Jcleared the screen");
        List<Status> problems = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(st -> st.getLevel() >= Status.WARN).toList();
        context.stop();
        assertThat(problems).as("logback configured and wrote without a problem").isEmpty();

        String written = Files.readString(dir.resolve("scanner.log"), StandardCharsets.UTF_8);
        assertThat(written).contains("login failed for ZERODHA_API_SECRET=****")
                .contains("Caused by: java.io.IOException: wrapped")
                .contains("Caused by: java.lang.IllegalStateException: session with secret ****")
                .contains("access_token=**** failed").contains("token logkey:****").contains("api_secret=****")
                .contains("at io.niftyscanner.app.MaskedOutputTest").contains("\\u001b[2Jcleared");
        assertThat(written).doesNotContain(SECRET).doesNotContain(TOKEN).doesNotContain("unknownTok42")
                .doesNotContain("plainSecretValue").doesNotContain("\u001b");
    }

    @Test
    void theCommandLineStreamsMaskEverythingPrinted() {
        new Credentials("k", SECRET, TOKEN);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MaskingPrintStream out = new MaskingPrintStream(bytes, StandardCharsets.UTF_8);
        out.println("token is " + TOKEN);
        out.print((Object) ("secret " + SECRET));
        out.printf("%n%s and %s%n", "access_token=" + "zzz", SECRET);
        out.append("x-" + TOKEN).println();
        out.println("\u001b[31mred\ttab");
        out.flush();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("token is ****\nsecret ****\naccess_token=**** and ****\n"
                .replace("\n", System.lineSeparator()) + "x-****" + System.lineSeparator() + "\\u001b[31mred\ttab"
                + System.lineSeparator());
    }
}
