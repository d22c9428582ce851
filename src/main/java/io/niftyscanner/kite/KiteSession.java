package io.niftyscanner.kite;

import io.niftyscanner.config.Credentials;
import io.niftyscanner.config.Secrets;

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
