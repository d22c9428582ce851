package io.niftyscanner.feed;

import io.niftyscanner.kite.KiteTicker;
import io.niftyscanner.kite.KiteTickerListener;
import io.niftyscanner.market.Instrument;
import io.niftyscanner.market.Tick;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams every instrument in full mode through the KiteTicker-compatible client, on as many sockets as Kite needs
 * (up to {@value KiteTicker#MAX_TOKENS_PER_CONNECTION} instruments each, at most
 * {@value KiteTicker#MAX_CONNECTIONS_PER_API_KEY} sockets: 9,000 instruments). The client keeps the socket
 * alive (watchdog, backoff, resubscribe); this feed turns its events into ticks and statuses, and tells the
 * supervisor the moment data is being missed (a drop, a watchdog trip, a malformed frame, a requested reconnect): the
 * outage lasts until the next tick it delivers.
 */
public final class StreamingFeed implements MarketFeed, KiteTickerListener {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingFeed.class);

    private final KiteTicker.Options options;
    private final List<Long> tokens;
    private final MarketClock clock;
    private final FeedSink sink;
    private final FeedReporter reporter;
    private final AtomicLong badFrames = new AtomicLong();
    private final Object lock = new Object();
    private final List<KiteTicker> tickers = new ArrayList<>();
    private boolean closed;

    public StreamingFeed(KiteTicker.Options options, List<Instrument> instruments, MarketClock clock, FeedSink sink,
                         FeedReporter reporter) {
        this.options = options;
        this.tokens = instruments.stream().map(Instrument::token).toList();
        int most = KiteTicker.MAX_TOKENS_PER_CONNECTION * KiteTicker.MAX_CONNECTIONS_PER_API_KEY;
        if (tokens.size() > most) {
            throw new IllegalArgumentException("Kite streams at most " + most + " instruments per API key ("
                    + KiteTicker.MAX_CONNECTIONS_PER_API_KEY + " connections of " + KiteTicker.MAX_TOKENS_PER_CONNECTION
                    + "); " + tokens.size() + " are configured. Scan fewer, or use the polling mode.");
        }
        this.clock = clock;
        this.sink = sink;
        this.reporter = reporter;
    }

    @Override
    public String kind() {
        return STREAM;
    }

    @Override
    public void start(long resumeFromMillis) {
        synchronized (lock) {
            open();
        }
    }

    private void open() {
        for (int from = 0; from < tokens.size(); from += KiteTicker.MAX_TOKENS_PER_CONNECTION) {
            KiteTicker ticker = new KiteTicker(options, this);
            ticker.subscribe(tokens.subList(from, Math.min(tokens.size(), from + KiteTicker.MAX_TOKENS_PER_CONNECTION)),
                    KiteTicker.Mode.FULL);
            tickers.add(ticker);
            ticker.connect();
        }
    }

    private void closeTickers() {
        tickers.forEach(KiteTicker::close);
        tickers.clear();
    }

    @Override
    public void reconnect() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            reporter.lost(STREAM, "reconnect requested");
            closeTickers();
            reporter.reconnecting(STREAM, 1, 0, "reconnect requested");
            open();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            closeTickers();
        }
    }

    @Override
    public void onTick(Tick tick) {
        sink.onTick(tick);
    }

    @Override
    public void onFrame(long receivedNanos, boolean heartbeat) {
        if (heartbeat) {
            sink.onAlive(); // arrives behind every tick sent before it: nothing was missed up to now
        }
    }

    @Override
    public void onConnected() {
        reporter.connected(STREAM);
    }

    @Override
    public void onDisconnected(String reason) {
        reporter.lost(STREAM, "stream disconnected: " + reason);
        reporter.reconnecting(STREAM, 0, 0, reason);
    }

    @Override
    public void onReconnecting(int attempt, long delayMillis) {
        reporter.reconnecting(STREAM, attempt, delayMillis, "");
    }

    @Override
    public void onTokenRejected(String message) {
        reporter.tokenExpired(STREAM, message);
    }

    @Override
    public void onGaveUp(int attempts, String lastReason) {
        reporter.failed(STREAM, "Gave up after " + attempts + " reconnect attempts: " + lastReason
                + ". Check the network, then press Reconnect.", -1);
    }

    @Override
    public void onBadFrame(String reason) {
        reporter.lost(STREAM, "malformed frames");
        long n = badFrames.incrementAndGet();
        if (Long.bitCount(n) == 1) {
            LOG.warn("dropped malformed tick frame ({} so far): {}", n, reason);
        }
    }

    @Override
    public void onError(String message) {
        LOG.warn("ticker error: {}", message);
    }
}
