package io.niftyscanner.kite;

import io.niftyscanner.config.Credentials;
import io.niftyscanner.config.Secrets;
import io.niftyscanner.market.SessionCalendar;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * What every authenticated Kite call needs: the API key and the day's access token.
 * {@link #toString()} masks the token.
 */
public record KiteSession(String apiKey, String accessToken) {
    /** The credentials the embedded sandbox exchange accepts. */
    public static final KiteSession SANDBOX = new KiteSession("sandbox", "sandbox");

    public KiteSession {
        apiKey = apiKey == null ? "" : apiKey.trim();
        accessToken = accessToken == null ? "" : accessToken.trim();
        Secrets.remember(accessToken);
    }

    public static KiteSession of(Credentials credentials) {
        return new KiteSession(credentials.apiKey(), credentials.accessToken());
    }

    /** When Kite ends every session (a regulatory rule, kite-protocol.md 2.2): 06:00 IST. */
    public static final LocalTime DAILY_EXPIRY = LocalTime.of(6, 0);

    /** The moment a session that was in use at {@code millis} dies: the next 06:00 IST strictly after it. */
    public static long expiryAfter(long millis) {
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(SessionCalendar.IST);
        ZonedDateTime expiry = t.toLocalDate().atTime(DAILY_EXPIRY).atZone(SessionCalendar.IST);
        return (expiry.isAfter(t) ? expiry : expiry.plusDays(1)).toInstant().toEpochMilli();
    }

    public boolean isComplete() {
        return !apiKey.isEmpty() && !accessToken.isEmpty();
    }

    /** The value of the {@code Authorization} header. */
    String authorization() {
        return "token " + apiKey + ":" + accessToken;
    }

    @Override
    public String toString() {
        return "KiteSession[apiKey=" + apiKey + ", accessToken=" + Secrets.mask(accessToken) + "]";
    }
}
