package io.niftyscanner.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.kite.KiteTicker;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.Tick;
import io.niftyscanner.sandbox.LoadTicker;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Kite takes at most 3,000 instruments per socket and 3 sockets per key: the streaming feed spreads them. */
class StreamingFeedSocketsTest {
    /** The supervisor's side is not under test here; it only listens. */
    private static final FeedReporter QUIET = org.mockito.Mockito.mock(FeedReporter.class);

    private static List<Instrument> instruments(int n) {
        List<Instrument> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(Instrument.nseEquity("S" + i, (30_000L + i) * 256 + 1));
        }
        return list;
    }

    @Test
    void moreThan3000InstrumentsGoOverSeveralSocketsAndAllOfThemTick() throws Exception {
        List<Instrument> instruments = instruments(6001);
        Set<Long> ticked = ConcurrentHashMap.newKeySet();
        LoadTicker.Script flat = new LoadTicker.Script() {
            @Override
            public long price(long token, long marketMillis) {
                return 10_000;
            }

            @Override
            public long volume(long token, long marketMillis) {
                return 1;
            }
        };
        try (LoadTicker server = LoadTicker.start(flat)) {
            KiteTicker.Options options = KiteTicker.Options.defaults(server.url(), new KiteSession("test", "test"));
            StreamingFeed feed = new StreamingFeed(options, instruments, MarketClock.system(), new FeedSink() {
                @Override
                public void onTick(Tick tick) {
                    ticked.add(tick.token());
                }
            }, QUIET);
            try {
                feed.start(0);
                server.awaitSubscriptions(3, 6001, 30_000);
                assertThat(server.stats().sockets()).isEqualTo(3);
                server.stream(new LoadTicker.Pace(0, 1, 1, 1_764_041_700_000L));
                long until = System.nanoTime() + 30_000_000_000L;
                while (ticked.size() < 6001 && System.nanoTime() < until) {
                    Thread.sleep(10);
                }
                assertThat(ticked).hasSize(6001);
            } finally {
                feed.close();
            }
        }
    }

    @Test
    void moreThanKiteStreamsPerKeyIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> new StreamingFeed(KiteTicker.Options.defaults("ws://127.0.0.1:1/", new KiteSession("t", "t")),
                instruments(9001), MarketClock.system(), tick -> {}, QUIET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 9000 instruments")
                .hasMessageContaining("9001 are configured");
    }
}
