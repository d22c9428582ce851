package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.EnvFileUpdater;
import io.niftyscanner.feed.MarketClock;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the .env watch and the 06:00 deadline do, one look at a time on a clock the test moves. */
class TokenRolloverWatchTest {
    /** 06:00 IST on 2026-11-24 is 00:30 UTC (IST is UTC+05:30, no daylight saving). */
    private static final Instant SIX_IST = Instant.parse("2026-11-24T00:30:00Z");
    private static final String OLD = "oldTokenFromYesterday0000000001";
    private static final String NEW = "newTokenOfThisMorning000000002";

    @TempDir
    Path dir;
    private final MutableClock wall = new MutableClock(SIX_IST.minus(Duration.ofHours(12)));
    private final List<String> renewed = new CopyOnWriteArrayList<>();
    private final List<String> expired = new CopyOnWriteArrayList<>();

    private TokenRollover watch(KiteSession session) {
        return new TokenRollover(dir.resolve(".env"), session, new MarketClock(wall, System::nanoTime),
                s -> renewed.add(s.apiKey() + ":" + s.accessToken()), expired::add);
    }

    @Test
    void atSixIstTheSessionInUseIsExpiredOnceAndANewTokenLivesUntilTheNextSix() throws Exception {
        Files.writeString(dir.resolve(".env"), "ZERODHA_API_KEY=key1\nZERODHA_ACCESS_TOKEN=" + OLD + "\n");
        try (TokenRollover w = watch(new KiteSession("key1", OLD))) {
            wall.set(SIX_IST.minusMillis(1));
            w.check();
            assertThat(expired).isEmpty();
            wall.set(SIX_IST);
            w.check();
            w.check();
            assertThat(expired).singleElement().asString().contains("06:00 IST").contains("./scanner login")
                    .contains("File > Log in to Kite");

            wall.set(SIX_IST.plus(Duration.ofHours(3))); // the trader logs in at 09:00
            EnvFileUpdater.set(dir.resolve(".env"), "ZERODHA_ACCESS_TOKEN", NEW);
            w.check();
            assertThat(renewed).containsExactly("key1:" + NEW);
            wall.set(SIX_IST.plus(Duration.ofDays(1)).minusMillis(1));
            w.check();
            assertThat(expired).hasSize(1);
            wall.set(SIX_IST.plus(Duration.ofDays(1)));
            w.check();
            assertThat(expired).hasSize(2);
        }
    }

    @Test
    void aTokenFromTheEnvironmentStaysUntilALoginWritesANewOneToDotEnv() throws Exception {
        Files.writeString(dir.resolve(".env"), "ZERODHA_API_KEY=key1\nZERODHA_ACCESS_TOKEN=" + OLD + "\n");
        try (TokenRollover w = watch(new KiteSession("key1", "tokenFromTheEnvironment000000003"))) {
            w.check();
            Files.writeString(dir.resolve(".env"), "# a comment\nZERODHA_API_KEY=key1\nZERODHA_ACCESS_TOKEN=" + OLD + "\n");
            w.check();
            assertThat(renewed).as("an unchanged token in .env does not replace the environment's").isEmpty();
            EnvFileUpdater.set(dir.resolve(".env"), "ZERODHA_ACCESS_TOKEN", NEW);
            w.check();
            assertThat(renewed).containsExactly("key1:" + NEW);
        }
    }

    @Test
    void aHalfEditedDotEnvIsSkippedUntilItIsFixedAndAMissingOneIsNoError() throws Exception {
        try (TokenRollover w = watch(new KiteSession("key1", OLD))) {
            w.check(); // no .env at all
            Files.writeString(dir.resolve(".env"), "ZERODHA_ACCESS_TOKEN=" + NEW + "\n" + NEW + "\n"); // a pasted token alone
            w.check();
            assertThat(renewed).isEmpty();
            Files.writeString(dir.resolve(".env"), "ZERODHA_ACCESS_TOKEN=" + NEW + "\n");
            w.check();
            assertThat(renewed).containsExactly("key1:" + NEW);
        }
    }

    @Test
    void theSandboxsOwnTokenNeverExpires() {
        try (TokenRollover w = watch(KiteSession.SANDBOX)) {
            wall.set(SIX_IST.plus(Duration.ofDays(2)));
            w.check();
            assertThat(expired).isEmpty();
        }
    }

    @Test
    void kitesDailyExpiryIsTheNextSixIst() {
        assertThat(Instant.ofEpochMilli(KiteSession.expiryAfter(SIX_IST.minusMillis(1).toEpochMilli()))).isEqualTo(SIX_IST);
        assertThat(Instant.ofEpochMilli(KiteSession.expiryAfter(SIX_IST.toEpochMilli()))).isEqualTo(SIX_IST.plus(Duration.ofDays(1)));
        // 23:59 IST on the 23rd is 18:29 UTC: the next 06:00 IST is 00:30 UTC on the 24th
        assertThat(Instant.ofEpochMilli(KiteSession.expiryAfter(Instant.parse("2026-11-23T18:29:00Z").toEpochMilli())))
                .isEqualTo(SIX_IST);
    }

}
