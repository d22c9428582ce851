package io.niftyscanner.config;

/** Kite credentials. {@link #toString()} masks the secrets, and {@link Secrets#redact} masks them everywhere else. */
public record Credentials(String apiKey, String apiSecret, String accessToken) {
    public static final Credentials NONE = new Credentials("", "", "");

    public Credentials {
        apiKey = apiKey == null ? "" : apiKey.trim();
        apiSecret = apiSecret == null ? "" : apiSecret.trim();
        accessToken = accessToken == null ? "" : accessToken.trim();
        Secrets.remember(apiSecret);
        Secrets.remember(accessToken);
    }

    /** Whether there is enough to talk to Kite (an API key and an access token). */
    public boolean canConnect() {
        return !apiKey.isEmpty() && !accessToken.isEmpty();
    }

    /** Whether the daily login can run (it needs the key and the secret). */
    public boolean canLogin() {
        return !apiKey.isEmpty() && !apiSecret.isEmpty();
    }

    @Override
    public String toString() {
        return "Credentials[apiKey=" + (apiKey.isEmpty() ? "(not set)" : apiKey) + ", apiSecret=" + Secrets.mask(apiSecret)
                + ", accessToken=" + Secrets.mask(accessToken) + "]";
    }
}
