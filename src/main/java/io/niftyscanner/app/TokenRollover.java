package io.niftyscanner.app;

import io.niftyscanner.config.ConfigException;
import io.niftyscanner.config.DotEnv;
import io.niftyscanner.config.Secrets;
import io.niftyscanner.feed.MarketClock;
import io.niftyscanner.kite.KiteSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The morning rollover without a restart. Kite ends every session at 06:00 IST: at that moment (on the injected wall
 * clock) the scanner stops its feed and says TOKEN_EXPIRED with the login to run, instead of retrying a token that
 * cannot work. When a login ({@code ./scanner login} in another terminal, or File &gt; Log in to Kite) writes a new
 * access token to {@code .env}, the running scanner uses it: the REST client takes it, the stream connects and
 * subscribes again, polling resumes.
 *
 * <p>Logins replace {@code .env} with an atomic rename, so the file is watched by its content, read twice a second
 * (it is a few hundred bytes), never by its inode. A token set in the environment wins over {@code .env} at start and
 * over other edits of {@code .env}; but a login writes a new token there, and that one, the newest, is used. The token never reaches a log
 * or a message; the log names it by its last characters only.
 */
final class TokenRollover implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TokenRollover.class);
    static final String TOKEN_KEY = "ZERODHA_ACCESS_TOKEN";
    static final String KEY_KEY = "ZERODHA_API_KEY";
    static final long CHECK_MILLIS = 500;
    static final String EXPIRED_AT_SIX = "Kite ended the session at 06:00 IST, as it does every morning: run ./scanner login"
            + " or use File > Log in to Kite; the scanner picks up the new token by itself";

    private final Path envFile;
    private String apiKey;
    private final MarketClock clock;
    private final Consumer<KiteSession> renewed;
    private final Consumer<String> expired;
    private final ScheduledExecutorService thread;
    // owned by the watch thread
    private byte[] lastSeen;
    /** The token .env set when last read: only a change of it is a login (an edit elsewhere in .env is not). */
    private String dotEnvToken;
    private String token;
    private long expiresAtMillis;
    private boolean expiryShown;

    /**
     * @param session the session in use at start; its 06:00 is counted from now (a token already dead gets a 403)
     * @param renewed given the new session; on the watch thread
     * @param expired given the message to show when 06:00 passes; on the watch thread
     */
    TokenRollover(Path envFile, KiteSession session, MarketClock clock, Consumer<KiteSession> renewed, Consumer<String> expired) {
        this.envFile = envFile;
        this.apiKey = session.apiKey();
        this.clock = clock;
        this.renewed = renewed;
        this.expired = expired;
        this.token = session.accessToken();
        this.lastSeen = read();
        this.dotEnvToken = lastSeen.length == 0 ? null : tokenIn();
        this.expiresAtMillis = real(session) ? KiteSession.expiryAfter(clock.wallMillis()) : 0;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "token-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts watching {@code .env} and the clock. */
    TokenRollover start() {
        thread.scheduleWithFixedDelay(this::checkSafely, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    private static boolean real(KiteSession s) {
        return s.isComplete() && !s.equals(KiteSession.SANDBOX);
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.error("watching {} for a new Kite token failed: {}", envFile, Secrets.message(e));
        }
    }

    /** One look at .env and the clock. */
    void check() {
        byte[] now = read();
        if (!Arrays.equals(now, lastSeen)) {
            lastSeen = now;
            String written = tokenIn();
            boolean login = written != null && !written.isEmpty() && !written.equals(dotEnvToken) && !written.equals(token);
            if (written != null) {
                dotEnvToken = written;
            }
            if (login) {
                token = written;
                expiresAtMillis = KiteSession.expiryAfter(clock.wallMillis());
                expiryShown = false;
                if (KiteSession.SANDBOX.apiKey().equals(apiKey)) {
                    apiKey = keyIn(); // started without credentials: the login's key is in .env with its token
                }
                LOG.info("a new Kite access token ({}) is in {}: reconnecting with it", Secrets.mask(written), envFile);
                renewed.accept(new KiteSession(apiKey, written));
            }
        }
        if (!expiryShown && expiresAtMillis > 0 && clock.wallMillis() >= expiresAtMillis) {
            expiryShown = true;
            LOG.warn("06:00 IST passed: Kite has ended the session of the access token in use; waiting for a login");
            expired.accept(EXPIRED_AT_SIX);
        }
    }

    /** The token .env sets now; null when it cannot be read (a half-edited file is read again on its next change). */
    private String tokenIn() {
        try {
            return DotEnv.read(envFile).get(TOKEN_KEY);
        } catch (ConfigException e) {
            LOG.warn("{} changed but cannot be read: {}", envFile, e.getMessage());
            return null;
        }
    }

    /** The API key .env sets, or the one in use when it sets none. */
    private String keyIn() {
        try {
            String key = DotEnv.read(envFile).get(KEY_KEY);
            return key == null || key.isBlank() ? apiKey : key.trim();
        } catch (ConfigException e) {
            return apiKey;
        }
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(envFile);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            LOG.debug("cannot read {} now: {}", envFile, e.toString());
            return lastSeen == null ? new byte[0] : lastSeen;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
