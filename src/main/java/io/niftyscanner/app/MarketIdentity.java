package io.niftyscanner.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.sandbox.SandboxExchange;
import java.io.IOException;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private MarketIdentity() {}

    /** The cache key, or empty when a simulated market does not say which it is (nothing is cached then). */
    static Optional<String> of(SandboxExchange embedded, boolean simulated, String restUrl) {
        if (embedded != null) {
            return Optional.of("sandbox:" + embedded.marketId());
        }
        if (simulated) {
            return askSandbox(restUrl).map(id -> "sandbox:" + id);
        }
        return Optional.of(restUrl.equals(ScannerConfig.Kite.REAL_REST_URL) ? "kite" : "kite@" + restUrl);
    }

    private static Optional<String> askSandbox(String restUrl) {
        HttpUrl url = HttpUrl.parse(restUrl.endsWith("/") ? restUrl + "__sandbox/stats" : restUrl + "/__sandbox/stats");
        if (url == null) {
            return Optional.empty();
        }
        Request request = new Request.Builder().url(url).get().build();
        try (Response r = KiteHttp.shared().newCall(request).execute()) {
            JsonNode data = JSON.readTree(r.body().bytes()).path("data");
            String id = data.path("market_id").asText("");
            if (id.isEmpty() && data.has("seed")) {
                id = "seed" + data.path("seed").asText(); // a sandbox from before market_id: its seed names the market
            }
            if (id.isEmpty()) {
                LOG.warn("the simulated exchange at {} does not say which market it simulates (no market_id in /__sandbox/stats):"
                        + " its candles are not cached, every start fetches them", restUrl);
                return Optional.empty();
            }
            return Optional.of(id);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not ask the simulated exchange at {} which market it simulates ({}): its candles are not cached,"
                    + " every start fetches them", restUrl, e.toString());
            return Optional.empty();
        }
    }
}
