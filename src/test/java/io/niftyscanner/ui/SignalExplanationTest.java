package io.niftyscanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.Signal;
import io.niftyscanner.ui.signals.SignalExplanation;
import org.junit.jupiter.api.Test;

/** The "why" lines against the values written into the hand-made signal (Snapshots.buy). */
class SignalExplanationTest {
    @Test
    void explainsTheCandleTheCrossTheRsiBandQualityAndTiming() {
        Signal s = Snapshots.buy("RELIANCE", 738561, Snapshots.T0);
        SignalExplanation why = SignalExplanation.of(s);

        assertThat(why.title()).isEqualTo("BUY RELIANCE at 2,508.00");
        assertThat(why.line("whyCandle").value()).startsWith("10:00:00–10:05:00  O 2,500.00  H 2,510.00  L 2,495.00  C 2,508.00")
                .contains("Vol 12,345").contains("87 ticks");
        assertThat(why.line("whyEma").label()).isEqualTo("EMA 9 / 21");
        assertThat(why.line("whyEma").value()).isEqualTo("before 2503.20 ≤ 2503.50, now 2504.10 > 2503.90: crossed above");
        assertThat(why.line("whyEma").met()).isTrue();
        assertThat(why.line("whyRsi").value()).isEqualTo("58.25 in [50, 70]");
        assertThat(why.line("whyRsi").met()).isTrue();
        assertThat(why.line("whyRisk").value()).isEqualTo("ATR 6.00 · stop 2,499.00 (1.5 ATR) · target 2,526.00 (3 ATR)");
        assertThat(why.line("whyQuality").value()).startsWith("complete");
        assertThat(why.line("whyTiming").value()).isEqualTo("raised at 10:05:00 IST market time, 0.5 s after the candle's end");
    }
}
