package io.niftyscanner.kite;

/**
 * The best bid and ask of an instrument from {@code /quote} (depth level 1), exact minor units; 0 where the book is
 * empty.
 */
public record TopOfBook(String key, long instrumentToken, long bid, long bidQuantity, long ask, long askQuantity,
                        long lastPrice, long timestampMillis) {}
