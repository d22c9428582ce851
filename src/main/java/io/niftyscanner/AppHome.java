package io.niftyscanner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where an installed app keeps its files. Run from the repository (./scanner, ./mvnw javafx:run) the working
 * directory holds config/, .env and data/. The installer's app instead sets {@code scanner.defaults} to its bundled
 * defaults: the app then lives in {@code ~/.nifty-scanner} (created and seeded on the first start, never overwritten),
 * so settings, the token file, the journal and the logs survive upgrades and never land in the home folder itself.
 */
public final class AppHome {
    /** System property: the folder the app uses as its base (config/, .env, data/, logs/). */
    public static final String BASE_DIR = "scanner.base.dir";
    static final List<String> SEEDED = List.of("config/scanner.properties", "config/nifty50.txt", "instrument_tokens.json",
            ".env.example");

    private AppHome() {}

    /** Call first thing in main, before anything logs (the log folder is decided here). */
    public static void prepare() {
        String defaults = System.getProperty("scanner.defaults");
        if (defaults == null || System.getProperty(BASE_DIR) != null) {
            return;
        }
        Path home = Path.of(System.getProperty("user.home"), ".nifty-scanner");
        seed(Path.of(defaults), home);
        System.setProperty(BASE_DIR, home.toString());
        if (System.getProperty("scanner.log.dir") == null) {
            System.setProperty("scanner.log.dir", home.resolve("logs").toString());
        }
    }

    /** Copies each bundled default that the home folder lacks. */
    static void seed(Path defaults, Path home) {
        try {
            for (String name : SEEDED) {
                Path from = defaults.resolve(name);
                Path to = home.resolve(name);
                if (Files.isRegularFile(from) && !Files.exists(to)) {
                    Files.createDirectories(to.getParent());
                    Files.copy(from, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + home + ": " + e.getMessage(), e);
        }
    }

    /** The folder holding config/, .env and data/. */
    public static Path baseDir() {
        return Path.of(System.getProperty(BASE_DIR, "")).toAbsolutePath();
    }
}
