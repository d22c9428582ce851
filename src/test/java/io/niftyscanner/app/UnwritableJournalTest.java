package io.niftyscanner.app;

import static io.niftyscanner.app.SandboxRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.DataMode;
import io.niftyscanner.feed.FeedState;
import io.niftyscanner.feed.FeedStatus;
import io.niftyscanner.market.Candle;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal that cannot be written, on a real SQLite file: another connection (another program) holds an exclusive
 * lock on it, which stops every write whoever runs the test (root ignores file permissions, not SQLite's locks). The
 * scanner must stop new orders and say why, keep scanning and showing candles, and once the lock is gone save what it
 * showed meanwhile, say so, and leave orders stopped until the trader resumes trading.
 */
class UnwritableJournalTest {
    @TempDir
    Path dir;

    @Test
    void aLockedJournalStopsNewOrdersWhileScanningGoesOnAndWhatWasShownIsSavedOnceItCanWriteAgain() throws Exception {
        try (SandboxRig rig = new SandboxRig(dir, DataMode.STREAM, 60, LocalTime.of(9, 15), Map.of())) {
            await("LIVE and a candle shown", Duration.ofSeconds(30), () -> rig.status().state() == FeedState.LIVE && !rig.candles.isEmpty());
            String market = rig.runtime.market();
            List<Candle> shownWhileLocked;
            long lockToError;
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + rig.runtime.journal().file().toAbsolutePath());
                 Statement s = other.createStatement()) {
                s.execute("BEGIN EXCLUSIVE");
                int shownAtLock = rig.candles.size();
                long lockedNanos = System.nanoTime();

                await("the journal's failure shown", Duration.ofSeconds(40), () -> rig.status().state() == FeedState.ERROR
                        && rig.status().message().startsWith("The journal failed"));
                lockToError = (System.nanoTime() - lockedNanos) / 1_000_000L;
                FeedStatus error = rig.status();
                assertThat(error.message()).contains("New orders are stopped").contains("scanning goes on")
                        .contains(rig.runtime.journal().file().toString()).contains("close the other program that holds it");
                await("new entries blocked", Duration.ofSeconds(10), () -> rig.runtime.trading().view().entryBlock().contains("journal"));

                int shownAtError = rig.candles.size();
                await("candles still shown while the journal is locked", Duration.ofSeconds(60),
                        () -> rig.candles.size() >= shownAtError + 2 * SandboxRig.INSTRUMENTS.size());
                assertThat(rig.runtime.engine().death()).isNull();
                shownWhileLocked = new ArrayList<>(rig.candles.subList(shownAtLock, rig.candles.size()));
                s.execute("ROLLBACK"); // the other program lets go
            }
            long unlockedNanos = System.nanoTime();

            await("the journal writes again, and says so", Duration.ofSeconds(40), () -> rig.status().state() != FeedState.ERROR
                    && rig.status().message().startsWith("The journal can write again"));
            long unlockToSaved = (System.nanoTime() - unlockedNanos) / 1_000_000L;
            assertThat(rig.status().message()).contains("New orders stay stopped until you resume trading");
            assertThat(rig.runtime.trading().view().entryBlock()).as("orders resume only when the trader says so").contains("journal");
            for (Candle c : shownWhileLocked) {
                List<Candle> saved = rig.runtime.journal().candles(market, c.token(), c.startMillis(), c.startMillis() + 1);
                assertThat(saved).as("shown while locked, saved afterwards: " + c).hasSize(1);
                Candle latest = c; // a repair may have replaced it since, in the journal as on screen
                for (Candle r : rig.repaired) {
                    if (r.token() == c.token() && r.startMillis() == c.startMillis()) {
                        latest = r;
                    }
                }
                assertThat(SandboxRig.ohlcv(saved.get(0))).isEqualTo(SandboxRig.ohlcv(latest));
            }

            rig.runtime.trading().resumeTrading();
            await("entries allowed after the trader resumes", Duration.ofSeconds(10),
                    () -> !rig.runtime.trading().view().entryBlock().contains("journal"));
            Map<String, Object> figures = new java.util.LinkedHashMap<>();
            figures.put("error_after_lock_ms", lockToError);
            figures.put("candles_shown_while_locked", shownWhileLocked.size());
            figures.put("candles_saved_after", shownWhileLocked.size());
            figures.put("saved_after_unlock_ms", unlockToSaved);
            io.niftyscanner.tools.ReliabilityFigures.record("unwritable-journal", figures);
            System.err.printf("unwritable journal: ERROR %d ms after the lock; %d candles shown while locked, all saved %d ms"
                    + " after the lock was gone%n", lockToError, shownWhileLocked.size(), unlockToSaved);
        }
    }
}
