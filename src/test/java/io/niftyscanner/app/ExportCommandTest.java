package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.journal.FillRow;
import io.niftyscanner.journal.Journal;
import io.niftyscanner.journal.OrderRow;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.CandleQuality;
import io.niftyscanner.market.Side;
import io.niftyscanner.market.Signal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./scanner export signals|orders|trades} on a real journal file. */
class ExportCommandTest {
    private static final long MON = 1_795_405_500_000L; // 2026-11-23 09:15 IST
    private static final long TUE = MON + 86_400_000L;

    @TempDir
    Path dir;

    private void journal(Path file) {
        try (Journal j = Journal.open(file)) {
            for (long day : List.of(MON, TUE)) {
                Signal s = new Signal(738561, "RELIANCE", Side.BUY, day + 600_000, new Candle(738561, day + 300_000, 140_000,
                        140_200, 139_900, 140_050, 1234, 10, CandleQuality.COMPLETE), 140_050, 1400.2, 1399.9, 1399.0, 1399.5,
                        61.5, 3.2, 1395.7, 1409.6, false, "EMA9 crossed above EMA21, RSI14 in [50,70]", Map.of("rsi_buy_min", 50.0));
                j.recordSignal(s, day + 600_010);
            }
            String monday = "2026-11-23";
            j.trades().saveOrder(new OrderRow("NSEB0000FTVL0HTD3D", "738561:x:BUY", "ENTRY", "paper", "RELIANCE", 738561, "NSE",
                    "BUY", 10, "MARKET", 0, 0, 139_570, 140_960, "MIS", -1, "P261123000001", "COMPLETE", 10, 140_015,
                    "filled, with a comma", MON + 600_000, MON + 600_100, monday));
            j.trades().recordFill(new FillRow("P261123000001:10", "NSEB0000FTVL0HTD3D", "P261123000001", "paper", "RELIANCE",
                    738561, "BUY", 10, 140_015, MON + 600_100, monday, 420, 0, 42, 1, 42, 83, 0));
            j.trades().recordFill(new FillRow("P261123000002:10", "NSSB0000FTVL0HTD3D", "P261123000002", "paper", "RELIANCE",
                    738561, "SELL", 10, 141_000, MON + 900_000, monday, 423, 400, 42, 1, 0, 84, 9_850));
        }
    }

    private String run(int expectedCode, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir, Map.of()));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedCode);
        return expectedCode == 0 ? out.toString(StandardCharsets.UTF_8) : err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void signalsOrdersAndTradesAsCsvWithDateFilters() throws Exception {
        Path file = dir.resolve("data/journal-sandbox.db"); // no credentials: the sandbox's journal is the default
        journal(file);

        String signals = run(0, "export", "signals");
        List<String> lines = signals.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("time,symbol,token,side,price,candle_start,candle_open");
        assertThat(lines.get(1)).startsWith("2026-11-23T09:25:00+05:30,RELIANCE,738561,BUY,1400.5,2026-11-23T09:20:00+05:30,1400.0")
                .contains(",61.5,3.2,1395.7,1409.6,false,\"EMA9 crossed above EMA21, RSI14 in [50,70]\",rsi_buy_min=50.0,");
        assertThat(run(0, "export", "signals", "--from", "2026-11-24").lines().count()).isEqualTo(2);
        assertThat(run(0, "export", "signals", "--to", "2026-11-23").lines().count()).isEqualTo(2);

        String orders = run(0, "export", "orders", "--from", "2026-11-23", "--to", "2026-11-23");
        assertThat(orders.lines().toList()).hasSize(2);
        assertThat(orders.lines().skip(1).findFirst().orElseThrow()).contains("RELIANCE,BUY,10,ENTRY,MARKET,0.00,0.00,1395.70,1409.60,MIS,-1,COMPLETE,10,1400.15,\"filled, with a comma\",P261123000001,NSEB0000FTVL0HTD3D");

        Path out = dir.resolve("exports/trades.csv");
        run(0, "export", "trades", "--out", "exports/trades.csv");
        List<String> trades = Files.readAllLines(out);
        assertThat(trades.get(0)).isEqualTo("time,session_date,symbol,side,quantity,price,value,brokerage,stt,exchange_charge,sebi,"
                + "stamp,gst,charges,realised,net,tag,order_id,fill_id,gateway");
        assertThat(trades.get(2)).isEqualTo("2026-11-23T09:30:00+05:30,2026-11-23,RELIANCE,SELL,10,1410.00,14100.00,4.23,4.00,0.42,"
                + "0.01,0.00,0.84,9.50,98.50,89.00,NSSB0000FTVL0HTD3D,P261123000002,P261123000002:10,paper");
    }

    @Test
    void badInputIsExplained() {
        assertThat(run(Cli.EXIT_USAGE, "export")).contains("signals|orders|trades");
        assertThat(run(Cli.EXIT_USAGE, "export", "fills")).contains("choose signals, orders or trades");
        assertThat(run(Cli.EXIT_USAGE, "export", "orders", "--from", "23/11/2026")).contains("2026-11-23");
        assertThat(run(Cli.EXIT_USAGE, "export", "orders", "--from", "2026-11-24", "--to", "2026-11-23")).contains("before");
        assertThat(run(Cli.EXIT_FAILURE, "export", "orders")).contains("No journal at").contains("journal-sandbox.db");
        assertThat(Files.exists(dir.resolve("data/journal-sandbox.db"))).as("no empty journal is created").isFalse();
    }
}
