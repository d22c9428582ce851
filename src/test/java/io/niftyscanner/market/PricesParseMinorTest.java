package io.niftyscanner.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PricesParseMinorTest {
    private static final long NSE = 738561;       // segment 1: paise
    private static final long CDS = 3 * 256 + 3;  // segment 3: 1/10^7

    @ParameterizedTest
    @CsvSource({"2500.05, 250005", "2500, 250000", "2500.5, 250050", "0.05, 5", "2500.050, 250005", "+1.10, 110",
            "-1.5, -150", ".5, 50", "7., 700", "0.1, 10", "0.29, 29"})
    void nseRupeesBecomePaiseExactly(String text, long paise) {
        assertThat(Prices.parseMinor(text, NSE)).isEqualTo(paise);
    }

    @ParameterizedTest
    @CsvSource({"82.1234567, 821234567", "82.12, 821200000"})
    void currencyPricesUseSevenDecimals(String text, long minor) {
        assertThat(Prices.parseMinor(text, CDS)).isEqualTo(minor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "12a", "1,5", "1.2.3", "1e3", " 12"})
    void nonDecimalsAreRefused(String text) {
        assertThatThrownBy(() -> Prices.parseMinor(text, NSE)).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("not a decimal price");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2500.055", "0.001"})
    void moreDecimalsThanThePaisaAreRefused(String text) {
        assertThatThrownBy(() -> Prices.parseMinor(text, NSE)).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("more decimals than the minor unit 1/100");
    }
}
