package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.config.ScannerConfig;
import io.niftyscanner.kite.KiteHttp;
import io.niftyscanner.kite.KiteRestClient;
import io.niftyscanner.kite.KiteSession;
import io.niftyscanner.sandbox.SandboxExchange;
import io.niftyscanner.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;

/** The key the candle cache is kept under: one per market, asked from a sandbox that runs on its own. */
class MarketIdentityTest {
    private static SandboxExchange sandbox(long seed) throws Exception {
        return SandboxExchange.start(SandboxOptions.defaults().withSeed(seed).withAutoPump(false)
                .withInstruments(SandboxRig.INSTRUMENTS));
    }

    private static KiteRestClient client(SandboxExchange x) {
        return new KiteRestClient(KiteHttp.shared(), x.restUrl(), new KiteSession("sandbox", "sandbox"));
    }

    @Test
    void aStandaloneSandboxSaysWhichMarketItSimulatesAndAnotherSeedIsAnotherMarket() throws Exception {
        try (SandboxExchange seed13 = sandbox(13); SandboxExchange again13 = sandbox(13); SandboxExchange seed14 = sandbox(14)) {
            String a = MarketIdentity.of(null, true, seed13.restUrl(), client(seed13)).orElseThrow();
            String b = MarketIdentity.of(null, true, again13.restUrl(), client(again13)).orElseThrow();
            String c = MarketIdentity.of(null, true, seed14.restUrl(), client(seed14)).orElseThrow();
            assertThat(a).as("same seed, same market, whatever its port").isEqualTo(b).isEqualTo("sandbox:" + seed13.marketId());
            assertThat(c).isNotEqualTo(a);
            assertThat(MarketIdentity.of(seed14, true, seed14.restUrl(), client(seed14))).as("embedded: asked directly").contains(c);
            assertThat(seed13.statsJson()).containsEntry("market_id", seed13.marketId());
        }
    }

    @Test
    void realKiteIsOneMarketAndAnotherKiteCompatibleServerIsItsOwn() throws Exception {
        try (SandboxExchange x = sandbox(7)) {
            assertThat(MarketIdentity.of(null, false, ScannerConfig.Kite.REAL_REST_URL, client(x))).contains("kite");
            assertThat(MarketIdentity.of(null, false, "https://kite.example.com", client(x))).contains("kite@https://kite.example.com");
        }
    }
}
