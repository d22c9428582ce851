package io.niftyscanner.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.Side;
import org.junit.jupiter.api.Test;

/**
 * Charges against values computed by hand from the published rates (charges.md): brokerage 0.03% or Rs 20 per
 * executed order, whichever is lower; STT 0.025% of the sell side, rounded to the rupee; NSE transaction charge
 * 0.00297% of turnover; SEBI Rs 10 per crore; stamp duty 0.003% of the buy side; GST 18% of brokerage + transaction
 * charge + SEBI fee. Amounts are in paise.
 */
class ChargeModelTest {
    private final ChargeModel model = new ChargeModel(ChargeRates.ZERODHA_NSE_INTRADAY);

    @Test
    void buy100At1000Sell100At1010() {
        // Buy 100 @ 1000.00: turnover Rs 1,00,000
        //   brokerage  0.03% x 1,00,000 = 30.00 > 20        -> 20.00
        //   STT        buy side                              ->  0
        //   exchange   0.00297% x 1,00,000 = 2.97            ->  2.97
        //   SEBI       10 / 1,00,00,000 x 1,00,000 = 0.10     ->  0.10
        //   stamp      0.003% x 1,00,000 = 3.00              ->  3.00
        //   GST        18% x (20.00 + 2.97 + 0.10) = 4.1526   ->  4.15
        //   total                                             30.22
        Charges buy = model.order(Side.BUY, 100 * 1000_00L);
        assertThat(buy).isEqualTo(new Charges(2000, 0, 297, 10, 300, 415));
        assertThat(buy.total()).isEqualTo(3022);

        // Sell 100 @ 1010.00: turnover Rs 1,01,000
        //   brokerage  0.03% x 1,01,000 = 30.30 > 20        -> 20.00
        //   STT        0.025% x 1,01,000 = 25.25, to rupee   -> 25.00
        //   exchange   0.00297% x 1,01,000 = 2.9997          ->  3.00
        //   SEBI       10 / 1,00,00,000 x 1,01,000 = 0.101    ->  0.10
        //   stamp      sell side                             ->  0
        //   GST        18% x (20.00 + 3.00 + 0.10) = 4.158    ->  4.16
        //   total                                             52.26
        Charges sell = model.order(Side.SELL, 100 * 1010_00L);
        assertThat(sell).isEqualTo(new Charges(2000, 2500, 300, 10, 0, 416));
        assertThat(sell.total()).isEqualTo(5226);

        // the round trip: 30.22 + 52.26 = 82.48; gross P&L 1,000.00, net 917.52
        Charges trip = model.roundTrip(100 * 1000_00L, 100 * 1010_00L);
        assertThat(trip.total()).isEqualTo(8248);
        assertThat(100 * (1010_00L - 1000_00L) - trip.total()).isEqualTo(91752);
    }

    @Test
    void smallTradesPayThePercentageNotTheCap() {
        // Buy 10 @ 500.00: turnover Rs 5,000
        //   brokerage  0.03% x 5,000 = 1.50
        //   exchange   0.00297% x 5,000 = 0.1485 -> 0.15
        //   SEBI       5,000 / 10^7 x 10 = 0.005 -> 0.01 (half up)
        //   stamp      0.003% x 5,000 = 0.15
        //   GST        18% x (1.50 + 0.15 + 0.01) = 0.2988 -> 0.30
        //   total      2.11
        assertThat(model.order(Side.BUY, 10 * 500_00L)).isEqualTo(new Charges(150, 0, 15, 1, 15, 30));
        // Sell 10 @ 505.00: turnover Rs 5,050
        //   brokerage  0.03% x 5,050 = 1.515 -> 1.52
        //   STT        0.025% x 5,050 = 1.2625 -> Rs 1
        //   exchange   0.00297% x 5,050 = 0.149985 -> 0.15
        //   SEBI       0.00505 -> 0.01
        //   GST        18% x (1.52 + 0.15 + 0.01) = 0.3024 -> 0.30
        //   total      2.98
        Charges sell = model.order(Side.SELL, 10 * 505_00L);
        assertThat(sell).isEqualTo(new Charges(152, 100, 15, 1, 0, 30));
        assertThat(sell.total()).isEqualTo(298);
    }

    @Test
    void sttRoundsHalfARupeeUp() {
        // sell 20 @ 103.55 = Rs 2,071: STT 0.025% = 0.51775 -> Rs 1 (a trader's question on tradingqna: 0.52 shows as 1)
        assertThat(model.order(Side.SELL, 20 * 103_55L).stt()).isEqualTo(100);
        // sell Rs 1,999: STT 0.49975 -> Rs 0
        assertThat(model.order(Side.SELL, 1999_00L).stt()).isZero();
    }

    @Test
    void nothingTradedCostsNothing() {
        assertThat(model.order(Side.BUY, 0).total()).isZero();
    }
}
