package io.niftyscanner.orders;

import java.math.BigDecimal;

/** Paise as rupees for people: {@code 1234567} is {@code 12345.67}. */
final class Money {
    private Money() {}

    static String rupees(long paise) {
        return BigDecimal.valueOf(paise, 2).toPlainString();
    }

    static double toDouble(long paise) {
        return paise / 100.0;
    }
}
