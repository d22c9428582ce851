package io.niftyscanner.kite;

/** {@code GET /user/profile}: a cheap way to check, before the market opens, that the access token still works. */
public record UserProfile(String userId, String userName, String email, String broker) {}
