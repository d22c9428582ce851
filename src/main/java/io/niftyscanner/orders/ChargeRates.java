package io.niftyscanner.orders;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The published rates of Indian equity intraday (MIS) charges at Zerodha, from config (charges.md). Percentages are
 * of turnover; {@code sebiPerCrore} is rupees per crore (10^7 rupees) of turnover.
 *
 * @param source where the rates were taken from and when, shown beside every charges figure
 */
public record ChargeRates(BigDecimal brokeragePercent, BigDecimal brokerageCapRupees, BigDecimal sttSellPercent,
                          BigDecimal exchangePercent, BigDecimal sebiPerCrore, BigDecimal stampBuyPercent,
                          BigDecimal gstPercent, String source) {

    /** Zerodha's published equity-intraday rates on NSE (charges.md), as the config file ships them. */
    public static final ChargeRates ZERODHA_NSE_INTRADAY = new ChargeRates(new BigDecimal("0.03"), new BigDecimal("20"),
            new BigDecimal("0.025"), new BigDecimal("0.00297"), new BigDecimal("10"), new BigDecimal("0.003"),
            new BigDecimal("18"), "zerodha.com/charges, equity intraday (NSE transaction charge 0.00297% since Oct 2024)");

    public ChargeRates {
        for (BigDecimal v : new BigDecimal[] {brokeragePercent, brokerageCapRupees, sttSellPercent, exchangePercent,
                sebiPerCrore, stampBuyPercent, gstPercent}) {
            Objects.requireNonNull(v, "charge rate");
            if (v.signum() < 0) {
                throw new IllegalArgumentException("charge rates cannot be negative: " + v);
            }
        }
        source = source == null ? "" : source;
    }
}
