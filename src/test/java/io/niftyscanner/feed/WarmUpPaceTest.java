package io.niftyscanner.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.engine.Engine;
import io.niftyscanner.engine.EngineCore;
import io.niftyscanner.engine.EngineListener;
import io.niftyscanner.engine.IndicatorSets;
import io.niftyscanner.engine.StrategyParams;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.kite.KiteTime;
import io.niftyscanner.kite.Quote;
import io.niftyscanner.kite.RetryPolicy;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.sandbox.ManualMarketClock;
import io.niftyscanner.sandbox.Nifty50Universe;
import io.niftyscanner.sandbox.SandboxExchange;
import io.niftyscanner.sandbox.SandboxOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The warm-up's pace against the sandbox exchange, on virtual time (issue 12, item 5): one historical request per
 * instrument, most traded first, three a second with no idle gap, and each instrument in the engine as soon as its own
 * candles land. The sandbox counts its 3-a-second limit on the same virtual clock, so a request too early is a 429.
 */
class WarmUpPaceTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /**
     * Time that moves only when every party is waiting on it: a discrete-event clock for the warm-up's fetch threads.
     * A thread sleeps either for a rate-limit permit or in a simulated round trip; each such thread holds one
     * instrument not yet ready. The clock jumps to the earliest wake-up once the sleepers hold every instrument still
     * outstanding, or all {@code parties} are asleep. A fetch that is running (on the wire, in the engine hand-off)
     * holds an outstanding instrument without sleeping, so time cannot pass under it.
     */
    static final class VirtualTime {
        private final int parties;
        private final List<Long> wakeUps = new ArrayList<>();
        private long now;
        private int outstanding;

        VirtualTime(int parties, int instruments) {
            this.parties = parties;
            this.outstanding = instruments;
        }

        synchronized long nanos() {
            return now;
        }

        void sleep(long nanos) throws InterruptedException {
            if (nanos <= 0) {
                return;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            synchronized (this) {
                long wake = now + nanos;
                wakeUps.add(wake);
                maybeAdvance();
                while (now < wake) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("virtual time is stuck at " + now + " ns: " + wakeUps.size()
                                + " sleeping, " + outstanding + " instruments outstanding (fewer fetches in flight than "
                                + parties + "?)");
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            }
        }

        synchronized void instrumentReady() {
            outstanding--;
            maybeAdvance();
        }

        private void maybeAdvance() {
            if (!wakeUps.isEmpty() && wakeUps.size() == Math.min(parties, outstanding)) {
                now = wakeUps.stream().min(Long::compare).orElseThrow();
                wakeUps.removeIf(w -> w <= now);
                notifyAll();
            }
        }

        Clock wallClock(Instant origin) {
            VirtualTime self = this;
            return new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return origin.plusNanos(self.nanos());
                }
            };
        }
    }

    private record Ready(String symbol, long nanos) {}

    @ParameterizedTest(name = "round trip {0} ms")
    @ValueSource(ints = {0, 600})
    void oneRequestPerInstrumentMostTradedFirstThreeASecondEachReadyWhenItsCandlesLand(int roundTripMillis) throws Exception {
        List<Instrument> instruments = Nifty50Universe.instruments();
        int n = instruments.size();
        VirtualTime time = new VirtualTime(WarmUp.IN_FLIGHT, n);
        Instant origin = Instant.ofEpochMilli(SessionCalendar.istMillis(DAY, LocalTime.of(11, 0)));
        SandboxOptions options = SandboxOptions.defaults().withSeed(42).withStart(DAY, LocalTime.of(11, 0))
                .withMarketClock(new ManualMarketClock(origin)).withWallClock(time.wallClock(origin)).withAutoPump(false);
        StrategyParams params = StrategyParams.defaults();
        SessionCalendar calendar = SessionCalendar.withoutHolidays();
        Engine engine = new Engine(new EngineCore(instruments, params, EngineListener.NONE, calendar, IndicatorSets.incremental(params)));
        List<Ready> ready = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> requestedAt = new ConcurrentHashMap<>();
        AtomicReference<String> notReadyEarly = new AtomicReference<>();
        try (SandboxExchange exchange = SandboxExchange.start(options)) {
            Map<Long, Instrument> byToken = new java.util.HashMap<>();
            instruments.forEach(in -> byToken.put(in.token(), in));
            OkHttpClient http = KiteHttp.shared().newBuilder().addInterceptor(chain -> {
                List<String> path = chain.request().url().pathSegments();
                if (!path.contains("historical")) {
                    return chain.proceed(chain.request());
                }
                Instrument in = byToken.get(Long.parseLong(path.get(2)));
                requestedAt.put(in.symbol(), time.nanos());
                if (requestedAt.size() == n) {
                    // the last request: every instrument whose candles landed before must be in the engine already
                    checkInEngine(engine, ready, notReadyEarly);
                }
                okhttp3.Response response = chain.proceed(chain.request());
                try {
                    time.sleep(TimeUnit.MILLISECONDS.toNanos(roundTripMillis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return response;
            }).build();
            KiteTime kiteTime = new KiteTime(Clock.systemUTC(), time::nanos, time::sleep, new Random(1));
            KiteRestClient rest = new KiteRestClient(http, exchange.restUrl(),
                    new KiteSession(exchange.apiKey(), exchange.accessToken()), kiteTime, RetryPolicy.NONE);
            engine.start();
            WarmUp warmUp = new WarmUp(rest, CandleCache.NONE, calendar, 5);
            WarmUp.Result r = warmUp.run(instruments, exchange.marketTimeMillis(), engine, (done, total, symbol) -> {
                ready.add(new Ready(symbol, time.nanos()));
                time.instrumentReady();
            }, new MarketClock(Clock.systemUTC(), time::nanos));

            assertThat(notReadyEarly.get()).as("instruments ready before the last request went out").isNull();
            assertThat(r.failed()).isZero();
            // five sessions before Wednesday 25 November (18, 19, 20, 23, 24) of 75 candles, and today's 09:15-10:55
            assertThat(r.fetchedFromKite()).as("396 candles for each of %d instruments", n).isEqualTo((5 * 75 + 21) * n);
            @SuppressWarnings("unchecked")
            Map<String, Long> requests = (Map<String, Long>) exchange.statsJson().get("requests");
            assertThat(requests.get("GET /instruments/historical")).as("one request per instrument").isEqualTo(n);
            assertThat(requests.get("GET /quote")).as("one quote request orders them").isEqualTo(1);
            assertThat(exchange.statsJson().get("rate_limited")).as("never over Kite's limit").isEqualTo(0L);

            // three requests go out every (1 s + round trip): a permit's second starts when its answer is back
            long cycle = SECOND + TimeUnit.MILLISECONDS.toNanos(roundTripMillis);
            List<Long> sentTimes = new ArrayList<>(requestedAt.values());
            sentTimes.sort(null);
            for (int k = 0; k < n; k++) {
                assertThat(sentTimes.get(k)).as("request %d", k).isEqualTo((k / 3) * cycle);
            }
            // each instrument is ready the moment its answer is back, not when the warm-up ends
            List<Long> readyTimes = ready.stream().map(Ready::nanos).sorted().toList();
            for (int k = 0; k < n; k++) {
                assertThat(readyTimes.get(k)).as("instrument %d ready", k).isEqualTo((k / 3) * cycle + (cycle - SECOND));
            }
            assertThat(TimeUnit.MILLISECONDS.toNanos(r.millis())).isEqualTo(((n - 1) / 3) * cycle + (cycle - SECOND));

            // most traded (volume x last price) first: the i-th three requests are the i-th three by traded value
            Map<String, Quote> quotes = rest.quote(instruments.stream().map(Instrument::quoteKey).toList());
            List<String> byValue = instruments.stream()
                    .sorted(Comparator.comparingDouble((Instrument in) -> {
                        Quote q = quotes.get(in.quoteKey());
                        return -(double) q.volume() * q.lastPrice();
                    })).map(Instrument::symbol).toList();
            assertThat(quotes.values()).allMatch(q -> q.volume() > 0);
            for (int batch = 0; batch * 3 < n; batch++) {
                Set<String> expected = new HashSet<>(byValue.subList(batch * 3, Math.min(n, batch * 3 + 3)));
                Set<String> sent = new TreeSet<>();
                long at = batch * cycle;
                requestedAt.forEach((symbol, t) -> {
                    if (t == at) {
                        sent.add(symbol);
                    }
                });
                assertThat(sent).as("requests at %d ms", at / 1_000_000).isEqualTo(expected);
            }
        } finally {
            engine.close();
        }
    }

    private static void checkInEngine(Engine engine, List<Ready> ready, AtomicReference<String> failure) {
        List<Ready> before;
        synchronized (ready) {
            before = List.copyOf(ready);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (Ready r : before) {
            Instrument in = Nifty50Universe.instruments().stream().filter(i -> i.symbol().equals(r.symbol())).findFirst().orElseThrow();
            while (engine.snapshot().view(in.token()) == null || engine.snapshot().view(in.token()).indicators() == null) {
                if (System.nanoTime() > deadline) {
                    failure.set(r.symbol() + " was reported ready but the engine has no indicators for it");
                    return;
                }
                try {
                    Thread.sleep(5); // waiting for the engine's next snapshot (published every 250 ms)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        int n = Nifty50Universe.instruments().size();
        if (before.size() < 3 * ((n - 1) / 3)) {
            failure.set("only " + before.size() + " instruments were ready when the last request went out");
        }
    }
}
