package io.niftyscanner.kite;

import io.niftyscanner.config.Secrets;

/** The answer of {@code POST /session/token}: who logged in and the day's access token. {@link #toString()} masks it. */
public record SessionInfo(String userId, String userName, String email, String broker, String apiKey,
                          String accessToken, String loginTime) {
    public SessionInfo {
        Secrets.remember(accessToken);
    }

    @Override
    public String toString() {
        return "SessionInfo[userId=" + userId + ", userName=" + userName + ", broker=" + broker + ", loginTime=" + loginTime
                + ", accessToken=" + Secrets.mask(accessToken) + "]";
    }
}
