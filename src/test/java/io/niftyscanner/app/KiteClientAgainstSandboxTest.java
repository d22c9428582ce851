package io.niftyscanner.app;

import static io.niftyscanner.app.SandboxRig.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niftyscanner.kite.InputException;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.kite.KiteTickData;
import io.niftyscanner.kite.KiteTicker;
import io.niftyscanner.kite.KiteTickerListener;
import io.niftyscanner.kite.Order;
import io.niftyscanner.kite.OrderRequest;
import io.niftyscanner.kite.Quote;
import io.niftyscanner.kite.TokenException;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.sandbox.SandboxExchange;
import io.niftyscanner.sandbox.SandboxOptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The app's own Kite client (REST and ticker) against the sandbox exchange, end to end over real sockets. */
class KiteClientAgainstSandboxTest {
    private static final LocalDate SESSION = LocalDate.of(2026, 11, 23);
    private static final long NIFTY_INDEX = 256265;
    private SandboxExchange sandbox;
    private KiteRestClient rest;

    @BeforeEach
    void startSandbox() throws Exception {
        sandbox = SandboxExchange.start(SandboxOptions.defaults().withSpeed(10).withSeed(11).withStart(SESSION, LocalTime.of(10, 0)));
        rest = new KiteRestClient(KiteHttp.shared(), sandbox.restUrl(), KiteSession.SANDBOX);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void fullModeTicksForEveryInstrumentAreSaneAndOnTheMarketClock() throws Exception {
        List<Instrument> nifty = rest.instruments("NSE").stream()
                .filter(r -> r.segment().equals("NSE") && r.instrumentType().equals("EQ"))
                .filter(r -> SandboxRig.INSTRUMENTS.stream().anyMatch(i -> i.symbol().equals(r.tradingsymbol())) || r.instrumentToken() == 1270529)
                .map(r -> Instrument.nseEquity(r.tradingsymbol(), r.instrumentToken())).toList();
        assertThat(nifty).hasSizeGreaterThanOrEqualTo(6);
        Set<Long> tokens = new java.util.HashSet<>(nifty.stream().map(Instrument::token).toList());
        tokens.add(NIFTY_INDEX);

        Map<Long, Long> lastVolume = new ConcurrentHashMap<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        AtomicLong fullPackets = new AtomicLong();
        AtomicLong indexPackets = new AtomicLong();
        AtomicLong depthSeen = new AtomicLong();
        KiteTicker ticker = new KiteTicker(KiteTicker.Options.defaults(sandbox.wsUrl(), KiteSession.SANDBOX), new KiteTickerListener() {
            @Override
            public void onTickData(KiteTickData d, long receivedNanos) {
                long market = sandbox.marketTimeMillis();
                if (d.isIndex()) {
                    indexPackets.incrementAndGet();
                    if (d.token() != NIFTY_INDEX || d.lastPriceRupees() < 10_000) {
                        problems.add("index packet " + d);
                    }
                    return;
                }
                if (d.packetLength() != 184) {
                    problems.add("not a full packet: " + d.packetLength());
                    return;
                }
                fullPackets.incrementAndGet();
                if (!tokens.contains(d.token())) {
                    problems.add("unsubscribed token " + d.token());
                }
                if (d.lastPrice() <= 0 || d.low() > d.lastPrice() || d.lastPrice() > d.high()) {
                    problems.add("price outside the day's range: " + d);
                }
                if (Math.abs(d.exchangeTimeMillis() - market) > 30_000) {
                    problems.add("exchange time " + Instant.ofEpochMilli(d.exchangeTimeMillis()) + " far from market time " + Instant.ofEpochMilli(market));
                }
                if (!SessionCalendar.withoutHolidays().inSession(d.exchangeTimeMillis())) {
                    problems.add("exchange time out of session: " + Instant.ofEpochMilli(d.exchangeTimeMillis()));
                }
                Long before = lastVolume.put(d.token(), d.volume());
                if (before != null && d.volume() < before) {
                    problems.add("cumulative volume went back for " + d.token());
                }
                if (d.hasDepth() && d.bidPrice(0) > 0 && d.askPrice(0) > 0) {
                    depthSeen.incrementAndGet();
                    if (d.bidPrice(0) > d.askPrice(0)) {
                        problems.add("crossed book " + d);
                    }
                }
            }
        });
        try {
            ticker.subscribe(tokens, KiteTicker.Mode.FULL);
            ticker.connect();
            await("every instrument ticks", Duration.ofSeconds(20), () -> lastVolume.keySet().containsAll(
                    nifty.stream().map(Instrument::token).collect(Collectors.toSet())) && indexPackets.get() > 0);
            await("a few hundred packets", Duration.ofSeconds(20), () -> fullPackets.get() > 300);
        } finally {
            ticker.close();
        }
        assertThat(problems).isEmpty();
        assertThat(depthSeen.get()).isPositive();
        assertThat(ticker.stats().badFrames()).isZero();
    }

    @Test
    void restRoutesQuotesHistoryAndAnOrderWithItsUpdateOnTheSocket() throws Exception {
        long before = sandbox.marketTimeMillis();
        Map<String, Quote> quotes = rest.quote(List.of("NSE:INFY", "NSE:TCS", "NSE:NOSUCH"));
        long after = sandbox.marketTimeMillis();
        assertThat(quotes).containsOnlyKeys("NSE:INFY", "NSE:TCS");
        Quote infy = quotes.get("NSE:INFY");
        assertThat(infy.instrumentToken()).isEqualTo(408065);
        assertThat(infy.low()).isLessThanOrEqualTo(infy.lastPrice());
        assertThat(infy.lastPrice()).isLessThanOrEqualTo(infy.high());
        // the last trade's time: not after the request was answered, and recent when it was asked (however slow the machine)
        assertThat(infy.timestampMillis()).isBetween(before - 30_000, after);

        long open = SessionCalendar.sessionOpenMillis(SESSION);
        List<Candle> candles = rest.historical(408065, "5minute", Instant.ofEpochMilli(open), Instant.ofEpochMilli(open + 30 * 60_000L - 1000));
        assertThat(candles).hasSize(6);
        assertThat(candles.get(0).startMillis()).isEqualTo(open);
        for (Candle c : candles) {
            assertThat(c.low()).isLessThanOrEqualTo(Math.min(c.open(), c.close()));
            assertThat(c.high()).isGreaterThanOrEqualTo(Math.max(c.open(), c.close()));
        }

        AtomicReference<Order> update = new AtomicReference<>();
        KiteTicker ticker = new KiteTicker(KiteTicker.Options.defaults(sandbox.wsUrl(), KiteSession.SANDBOX), new KiteTickerListener() {
            @Override
            public void onOrderUpdate(Order order) {
                if (order.isFinal()) {
                    update.set(order);
                }
            }
        });
        try {
            ticker.connect();
            await("connected", Duration.ofSeconds(10), () -> ticker.state() == KiteTicker.State.CONNECTED);
            String id = rest.placeOrder(OrderRequest.market("NSE", "INFY", "BUY", 3, "MIS", "it1"));
            await("order update pushed", Duration.ofSeconds(10), () -> update.get() != null);
            assertThat(update.get().orderId()).isEqualTo(id);
            assertThat(update.get().status()).isEqualTo("COMPLETE");
            assertThat(update.get().tag()).isEqualTo("it1");
            List<Order> history = rest.orderHistory(id);
            assertThat(history.get(history.size() - 1).filledQuantity()).isEqualTo(3);
            assertThat(rest.orders()).anyMatch(o -> o.orderId().equals(id));
        } finally {
            ticker.close();
        }
        assertThatThrownBy(() -> rest.placeOrder(OrderRequest.limit("NSE", "INFY", "BUY", 1, "MIS", BigDecimal.ZERO, null)))
                .isInstanceOf(InputException.class);
        KiteRestClient badToken = rest.withSession(new KiteSession("sandbox", "not-a-token"));
        assertThatThrownBy(() -> badToken.quote(List.of("NSE:INFY"))).isInstanceOf(TokenException.class)
                .hasMessageContaining("./scanner login");
    }
}
