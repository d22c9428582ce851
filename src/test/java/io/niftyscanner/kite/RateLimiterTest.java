package io.niftyscanner.kite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final FakeTime fake = new FakeTime();

    @Test
    void neverMoreThanThePermitsInAnyWindow() throws Exception {
        KiteTime t = fake.kiteTime();
        RateLimiter perMinute = new RateLimiter("orders", 200, TimeUnit.MINUTES.toNanos(1), t.nanos(), t.sleeper());
        long start = fake.nanos.get();
        for (int i = 0; i < 200; i++) {
            fake.advanceMillis(10); // 200 orders spread over 2 s
            assertThat(perMinute.acquire().waitedNanos()).isZero();
        }
        long waited = perMinute.acquire().waitedNanos(); // the 201st must wait until the first leaves the minute window
        assertThat(fake.nanos.get() - start).isEqualTo(TimeUnit.MILLISECONDS.toNanos(10) + TimeUnit.MINUTES.toNanos(1));
        assertThat(waited).isEqualTo(TimeUnit.MINUTES.toNanos(1) - TimeUnit.MILLISECONDS.toNanos(1990));
    }

    @Test
    void blockUntilDelaysEveryNextCall() throws Exception {
        KiteTime t = fake.kiteTime();
        RateLimiter quote = new RateLimiter("quote", 3, TimeUnit.SECONDS.toNanos(1), t.nanos(), t.sleeper());
        quote.blockUntil(fake.nanos.get() + TimeUnit.SECONDS.toNanos(5));
        assertThat(quote.acquire().waitedNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void theWindowCountsFromTheResponseSoASlowRequestCannotShareAServerWindow() throws Exception {
        KiteTime t = fake.kiteTime();
        RateLimiter historical = new RateLimiter("historical", 3, TimeUnit.SECONDS.toNanos(1), t.nanos(), t.sleeper());
        RateLimiter.Permit first = historical.acquire();
        fake.advanceMillis(300); // the first request is in flight for 300 ms: the server counted it somewhere in there
        first.done();
        historical.acquire().done();
        historical.acquire().done();
        // by send times the 4th could go at t = 1000 ms; counted from the first response it waits until t = 1300 ms
        assertThat(historical.acquire().waitedNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1000));
    }

    @Test
    void aNewPermitTakesAReturnedSlotNotOneStillInFlight() throws Exception {
        KiteTime t = fake.kiteTime();
        RateLimiter historical = new RateLimiter("historical", 3, TimeUnit.SECONDS.toNanos(1), t.nanos(), t.sleeper());
        RateLimiter.Permit slow = historical.acquire();
        RateLimiter.Permit second = historical.acquire();
        RateLimiter.Permit third = historical.acquire();
        fake.advanceMillis(600);
        second.done(); // back at 600 ms; the slow one is still in flight and may yet be counted at any moment
        // by the oldest slot it would go at 1,000 ms, maybe within a second of the slow one's arrival; it waits for 1,600
        assertThat(historical.acquire().waitedNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1000));
        slow.done();
        third.done();
    }
}
