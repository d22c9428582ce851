package io.niftyscanner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Kite's per-route limits on the sandbox's injected wall clock: HTTP 429 past them, counted in the stats. */
class RateLimitTest {

    @Test
    void quoteAllowsOneASecond() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            Rest rest = f.rest();
            assertThat(rest.get("/quote/ltp?i=NSE:INFY").status()).isEqualTo(200);
            Rest.Response second = rest.get("/quote?i=NSE:INFY");
            assertThat(second.status()).isEqualTo(429);
            assertThat(second.json().path("message").asText()).contains("1/s");
            f.wall.advance(Duration.ofMillis(999));
            assertThat(rest.get("/quote/ohlc?i=NSE:INFY").status()).isEqualTo(429);
            f.wall.advance(Duration.ofMillis(2));
            assertThat(rest.get("/quote/ohlc?i=NSE:INFY").status()).isEqualTo(200);
            assertThat(f.exchange.statsJson().get("rate_limited")).isEqualTo(2L);
        }
    }

    @Test
    void historicalAllowsThreeASecondAndOthersTen() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            Rest rest = f.rest();
            String h = "/instruments/historical/408065/5minute?from=2026-11-23+09:15:00&to=2026-11-23+10:00:00";
            for (int i = 0; i < 3; i++) {
                assertThat(rest.get(h).status()).isEqualTo(200);
            }
            assertThat(rest.get(h).status()).isEqualTo(429);
            for (int i = 0; i < 10; i++) {
                assertThat(rest.get("/orders").status()).isEqualTo(200);
            }
            assertThat(rest.get("/user/profile").status()).isEqualTo(429);
            f.wall.advance(Duration.ofSeconds(1));
            assertThat(rest.get(h).status()).isEqualTo(200);
            assertThat(rest.get("/orders").status()).isEqualTo(200);
        }
    }

    @Test
    void ordersAllowTenASecondAndTwoHundredAMinute() throws Exception {
        try (Fixture f = new Fixture(1, LocalTime.of(10, 0))) {
            Rest rest = f.rest();
            String order = "tradingsymbol=ITC&exchange=NSE&transaction_type=BUY&order_type=MARKET&quantity=1&product=MIS";
            int ok = 0;
            int limited = 0;
            for (int second = 0; second < 21; second++) {
                for (int i = 0; i < 11; i++) {
                    int status = rest.postForm("/orders/regular", order).status();
                    if (status == 200) {
                        ok++;
                    } else {
                        assertThat(status).isEqualTo(429);
                        limited++;
                    }
                }
                if (second == 0) {
                    assertThat(ok).as("10 in the first second").isEqualTo(10);
                }
                f.wall.advance(Duration.ofMillis(1000));
            }
            assertThat(ok).as("200 inside a minute").isEqualTo(200);
            assertThat(limited).isEqualTo(21 * 11 - 200);
            f.wall.advance(Duration.ofSeconds(40));
            assertThat(rest.postForm("/orders/regular", order).status()).isEqualTo(200);
            assertThat(f.exchange.statsJson().get("orders")).isEqualTo(201L);
        }
    }
}
