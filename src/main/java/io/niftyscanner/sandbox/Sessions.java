package io.niftyscanner.sandbox;

import io.niftyscanner.market.SessionCalendar;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may talk to the sandbox: the configured api_key with the static access token or any token /session/token
 * issued; request tokens from the login page (single use); expire_token invalidates them all until a new session.
 * As on Kite, an issued access token dies at the next 06:00 IST on the sandbox's wall clock (the static token does
 * not: the embedded sandbox has no login to renew it).
 */
final class Sessions {
    /** When Kite invalidates every access token (kite-protocol.md 2.2). */
    static final LocalTime ROLLOVER = LocalTime.of(6, 0);
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private final String apiKey;
    private final String staticToken;
    private final String apiSecret;
    private final SecureRandom random = new SecureRandom();
    private final Clock wall;
    /** Issued access tokens and the wall time each dies at. */
    private final Map<String, Long> accessTokens = new ConcurrentHashMap<>();
    private final Set<String> requestTokens = ConcurrentHashMap.newKeySet();
    private volatile boolean staticTokenValid = true;

    Sessions(String apiKey, String staticToken, String apiSecret, Clock wall) {
        this.wall = wall;
        this.apiKey = apiKey;
        this.staticToken = staticToken;
        this.apiSecret = apiSecret;
    }

    String apiKey() {
        return apiKey;
    }

    boolean isApiKey(String key) {
        return apiKey.equals(key);
    }

    boolean valid(String key, String token) {
        if (!apiKey.equals(key) || token == null) {
            return false;
        }
        if (staticTokenValid && staticToken.equals(token)) {
            return true;
        }
        Long diesAt = accessTokens.get(token);
        return diesAt != null && wall.millis() < diesAt;
    }

    String issueRequestToken() {
        String t = randomToken(32);
        requestTokens.add(t);
        return t;
    }

    /** Exchanges a request token for a new access token; the checksum is sha256(api_key + request_token + api_secret). */
    String generateSession(String key, String requestToken, String checksum) {
        if (!apiKey.equals(key)) {
            throw SandboxError.input("Invalid `api_key`: the sandbox accepts api_key=" + apiKey + ".");
        }
        String expected = sha256Hex(key + requestToken + apiSecret);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                checksum.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw SandboxError.token("Invalid checksum: it must be the lower-case hex SHA-256 of api_key + request_token"
                    + " + api_secret (check the api secret).");
        }
        if (!requestTokens.remove(requestToken)) {
            throw SandboxError.token("Token is invalid or has expired: request tokens are single use; log in again.");
        }
        String access = randomToken(32);
        accessTokens.put(access, nextRollover(wall.millis()));
        staticTokenValid = true;
        return access;
    }

    /** Kite's daily end of every session: the next 06:00 IST strictly after {@code millis}. */
    static long nextRollover(long millis) {
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(SessionCalendar.IST);
        ZonedDateTime six = t.toLocalDate().atTime(ROLLOVER).atZone(SessionCalendar.IST);
        return (six.isAfter(t) ? six : six.plusDays(1)).toInstant().toEpochMilli();
    }

    void invalidate(String token) {
        accessTokens.remove(token);
    }

    /** All current access tokens (the static one included) stop working until the next generated session. */
    void expireAll() {
        accessTokens.clear();
        staticTokenValid = false;
    }

    String randomToken(int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
