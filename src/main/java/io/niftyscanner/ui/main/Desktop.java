package io.niftyscanner.ui.main;

import io.niftyscanner.AppHome;
import io.niftyscanner.kite.KiteLogin;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the window needs from the computer it runs on, injected so tests can stand in for it.
 *
 * @param env     the environment the configuration is loaded and validated with
 * @param baseDir the folder holding config/, .env and data/
 * @param opener  opens a file or web address with the desktop; true when it could
 * @param browser opens the Kite login page
 * @param logsDir where the logs are written
 * @param loginPort the port of the login's redirect on 127.0.0.1 (the Kite app's redirect URL names it)
 */
public record Desktop(Map<String, String> env, Path baseDir, Predicate<String> opener, KiteLogin.Browser browser, Path logsDir,
                      int loginPort) {

    /** The real computer: the process environment, the app's folder (the working directory, or ~/.nifty-scanner when installed), the desktop's opener. */
    public static Desktop system(Predicate<String> opener) {
        Path base = AppHome.baseDir();
        return new Desktop(System.getenv(), base, opener, KiteLogin.systemBrowser(),
                base.resolve(System.getProperty("scanner.log.dir", "logs")), KiteLogin.DEFAULT_PORT);
    }

    /** Where the window remembers its size, splits, symbol and theme. */
    public Path windowStateFile() {
        return baseDir.resolve("data").resolve("window.properties");
    }
}
