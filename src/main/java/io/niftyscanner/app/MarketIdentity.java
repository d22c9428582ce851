package io.niftyscanner.app;

import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.sandbox.SandboxExchange;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which market the scanner's data comes from, as the key its candle cache is kept under: candles of one market never
 * warm up another. Real Kite is one market ("kite"); another Kite-compatible server is its own ("kite@URL"); a sandbox
 * is the simulated market it reports (its seed, tick rate and model version), asked from GET /__sandbox/stats when it
 * runs on its own.
 */
final class MarketIdentity {
    private static final Logger LOG = LoggerFactory.getLogger(MarketIdentity.class);

    private MarketIdentity() {}

    /** The cache key, or empty when a simulated market does not say which it is (nothing is cached then). */
    static Optional<String> of(SandboxExchange embedded, boolean simulated, String restUrl, KiteRestClient rest) {
        if (embedded != null) {
            return Optional.of("sandbox:" + embedded.marketId());
        }
        if (simulated) {
            Optional<String> id = rest.simulatedMarketId();
            if (id.isEmpty()) {
                LOG.warn("the simulated exchange at {} does not say which market it simulates (no market_id in /__sandbox/stats):"
                        + " its candles are not cached, every start fetches them", restUrl);
            }
            return id.map(s -> "sandbox:" + s);
        }
        return Optional.of(restUrl.equals(ScannerConfig.Kite.REAL_REST_URL) ? "kite" : "kite@" + restUrl);
    }
}
