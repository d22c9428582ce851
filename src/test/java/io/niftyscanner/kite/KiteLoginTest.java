package io.niftyscanner.kite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class KiteLoginTest {
    @Test
    void tokenExpiresAtTheNextSixAmIst() {
        assertThat(KiteLogin.expiry(ZonedDateTime.parse("2026-11-24T10:00:00+05:30[Asia/Kolkata]")))
                .isEqualTo(ZonedDateTime.parse("2026-11-25T06:00:00+05:30[Asia/Kolkata]"));
        // 23:00 UTC on the 24th is 04:30 IST on the 25th: the same morning's 06:00
        assertThat(KiteLogin.expiry(ZonedDateTime.parse("2026-11-24T23:00:00Z")).toOffsetDateTime().toString())
                .isEqualTo("2026-11-25T06:00+05:30");
    }

    @Test
    void loginUrlForKiteAndForACompatibleServer() {
        assertThat(KiteLogin.loginUrl("", "abc")).isEqualTo("https://kite.zerodha.com/connect/login?v=3&api_key=abc");
        assertThat(KiteLogin.loginUrl("http://127.0.0.1:8123/", "sandbox"))
                .isEqualTo("http://127.0.0.1:8123/connect/login?v=3&api_key=sandbox");
    }
}
