package io.niftyscanner.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PricesTest {
    @Test
    void divisorFollowsTheSegmentByte() {
        assertThat(Prices.divisor(738561)).as("RELIANCE, NSE").isEqualTo(100);
        assertThat(Prices.divisor(256265)).as("NIFTY 50 index").isEqualTo(100);
        assertThat(Prices.divisor(3 + 256 * 1000)).as("CDS").isEqualTo(10_000_000);
        assertThat(Prices.divisor(6 + 256 * 1000)).as("BCD").isEqualTo(10_000);
    }

    @Test
    void convertsExactlyBetweenRupeesAndPaise() {
        assertThat(Prices.toMinor(1573.70, 408065)).isEqualTo(157370);
        assertThat(Prices.toDouble(157370, 408065)).isEqualTo(1573.70);
        assertThat(Prices.roundToTick(1573.72, 0.05, 408065)).isEqualTo(157370);
        assertThat(Prices.roundToTick(1573.73, 0.05, 408065)).isEqualTo(157375);
    }

    @Test
    void instrumentRejectsNonsense() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Instrument(" ", 1, null, null, 0.05, 1))
                .hasMessageContaining("blank");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Instrument.nseEquity("X", -5))
                .hasMessageContaining("token");
        assertThat(Instrument.nseEquity("RELIANCE", 738561).quoteKey()).isEqualTo("NSE:RELIANCE");
        assertThat(new Instrument("NIFTY 50", 256265, "NIFTY 50", "NSE", 0, 0).isIndex()).isTrue();
    }
}
