package io.niftyscanner.ui.help;

import io.niftyscanner.ui.fx.Dialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

/** Help: troubleshooting, keyboard shortcuts, the logs folder, About. */
public final class HelpController {
    /** One row: what the trader sees, and what to do. */
    public record Case(String seen, String todo) {}

    /** The original's cases first, then today's messages. */
    public static final List<Case> TROUBLESHOOTING = List.of(
            new Case("instrument_tokens.json not found (the tokens file is missing)",
                    "File > Fetch instrument tokens (or ./scanner fetch-instruments). It writes the file and starts the scanner."),
            new Case("WebSocket initialisation failed / status RECONNECTING",
                    "The stream could not connect or dropped. It retries by itself with backoff and resubscribes everything;"
                            + " missed candles are repaired. Press Reconnect (F5) to try now, or switch to HTTP polling (Ctrl+2)."),
            new Case("Stuck on INITIALIZING / Starting",
                    "The status line shows the warm-up's progress (recent candles for every symbol). If it does not move, check"
                            + " the network and the Kite token (File > Log in to Kite), then press Reconnect."),
            new Case("No signals",
                    "A signal needs 30 closed candles of history (loaded by the warm-up), an EMA 9/21 crossover at a candle's"
                            + " close and RSI 14 in its band (50-70 for BUY, 30-50 for SELL). Outside 09:15-15:30 IST there are"
                            + " no candles. Candles marked GAPPED or PARTIAL fire no signal until repaired."),
            new Case("Kite session expired or invalid / Login needed",
                    "The access token expires every morning at 06:00 IST. File > Log in to Kite (Ctrl+L), or ./scanner login;"
                            + " the scanner restarts with the new token."),
            new Case("Port 5000 ... is in use (login)",
                    "Something else listens on 127.0.0.1:5000. Close it, or use ./scanner login --port N and change your Kite"
                            + " app's redirect URL to match."),
            new Case("Configuration problem: config/scanner.properties: KEY = 'VALUE' is not valid; allowed: …",
                    "Settings (Ctrl+,) shows every key with its help; fix that key or delete it to get the default."),
            new Case("MARKET CLOSED", "No session at the exchange now; the status says when the next one opens."),
            new Case("Unable to load glass GTK library", "Install GTK 3: sudo apt-get install libgtk-3-0"),
            new Case("GAPPED · awaiting repair in the watchlist",
                    "Data was missed (a drop, a mode switch). The exchange's own candle replaces it once it closes; the status"
                            + " bar counts the candles still waiting."));

    private final Predicate<String> opener;

    /** @param opener opens a file or web address with the desktop (true when it could) */
    public HelpController(Predicate<String> opener) {
        this.opener = opener;
    }

    public void troubleshooting(Node anchor) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        int row = 0;
        for (Case c : TROUBLESHOOTING) {
            Label seen = new Label(c.seen());
            seen.setWrapText(true);
            seen.setMaxWidth(260);
            seen.getStyleClass().add("why-label");
            Label todo = new Label(c.todo());
            todo.setWrapText(true);
            todo.setMaxWidth(460);
            grid.addRow(row++, seen, todo);
        }
        window(anchor, "Troubleshooting", "troubleshooting", new ScrollPane(grid), 780, 560);
    }

    public void shortcuts(Node anchor, List<String[]> shortcuts) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (String[] s : shortcuts) {
            Label key = new Label(s[0]);
            key.getStyleClass().add("shortcut-key");
            grid.addRow(row++, key, new Label(s[1]));
        }
        window(anchor, "Keyboard shortcuts", "shortcuts", grid, 460, 420);
    }

    /** Opens the folder holding the logs; says where it is when the desktop cannot open it. */
    public void openLogsFolder(Node anchor, Path logs) {
        Path dir = logs.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            Dialogs.show(anchor, Alert.AlertType.INFORMATION, "logsInfo", "Logs", "No logs yet: " + dir
                    + " is created when the app writes its first log line.");
            return;
        }
        if (!opener.test(dir.toUri().toString())) {
            Dialogs.show(anchor, Alert.AlertType.INFORMATION, "logsInfo", "Logs", "The logs are in " + dir
                    + " (scanner.log is today's; older days are kept for 14 days).");
        }
    }

    public void about(Node anchor, List<String[]> facts) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        for (String[] f : facts) {
            Label k = new Label(f[0]);
            k.getStyleClass().add("why-label");
            Label v = new Label(f[1]);
            v.setWrapText(true);
            v.setMaxWidth(440);
            v.setId("about-" + f[0].toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            grid.addRow(row++, k, v);
        }
        Label title = new Label("NIFTY Scanner");
        title.getStyleClass().add("title");
        Label line = new Label("Real-time NIFTY 50 scanner for Zerodha Kite: 5-minute candles, EMA/RSI signals, alerts, orders.");
        line.setWrapText(true);
        window(anchor, "About NIFTY Scanner", "about", new VBox(10, title, line, grid), 620, 400);
    }

    private static void window(Node anchor, String title, String id, Node content, double w, double h) {
        Button close = new Button("Close");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        HBox buttons = new HBox(close);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        if (content instanceof ScrollPane) {
            ((ScrollPane) content).setFitToWidth(true);
        }
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox root = new VBox(12, content, buttons);
        root.setPadding(new Insets(14));
        root.setId(id);
        root.getStyleClass().add("dialog-body");
        Stage stage = new Stage();
        stage.setTitle(title);
        Scene scene = new Scene(root, w, h);
        if (anchor != null && anchor.getScene() != null) {
            stage.initOwner(anchor.getScene().getWindow());
            stage.initModality(Modality.NONE);
            scene.getStylesheets().setAll(anchor.getScene().getStylesheets());
        }
        close.setOnAction(e -> stage.close());
        stage.setScene(scene);
        stage.show();
    }
}
