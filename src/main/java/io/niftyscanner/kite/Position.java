package io.niftyscanner.kite;

import java.math.BigDecimal;

/** A row of {@code GET /portfolio/positions} ({@code net}): the day's position in one instrument and product. */
public record Position(String tradingsymbol, String exchange, long instrumentToken, String product, long quantity,
                       BigDecimal averagePrice, BigDecimal lastPrice, BigDecimal pnl, BigDecimal realised,
                       BigDecimal unrealised) {}
