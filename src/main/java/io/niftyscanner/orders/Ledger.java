package io.niftyscanner.orders;

import io.niftyscanner.market.Side;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Positions and P&L of the day from fills, by the average-cost method, with the charges of every fill. Money in paise.
 * Owned by the executor's thread.
 */
final class Ledger {
    private final ChargeModel charges;
    private final Map<Long, Book> books = new LinkedHashMap<>();
    private Charges dayCharges = Charges.NONE;

    /** One instrument's position. {@code openValue} is the signed cost of the open quantity. */
    static final class Book {
        final long token;
        final String symbol;
        long quantity;
        long openValue;
        long realised;
        long charges;
        long last;

        Book(long token, String symbol) {
            this.token = token;
            this.symbol = symbol;
        }

        long unrealised() {
            return quantity == 0 || last <= 0 ? 0 : quantity * last - openValue;
        }

        long averagePrice() {
            return quantity == 0 ? 0 : Math.round((double) openValue / quantity);
        }
    }

    /** What one fill did: its charges and the P&L it closed. */
    record Applied(Charges charges, long realised) {}

    Ledger(ChargeModel charges) {
        this.charges = charges;
    }

    /** Applies a fill; returns its charges and the P&L it realised (before charges). */
    Applied apply(long token, String symbol, Side side, long quantity, long pricePaise) {
        Book b = books.computeIfAbsent(token, t -> new Book(t, symbol));
        Charges c = charges.order(side, Math.multiplyExact(quantity, pricePaise));
        long realised = applyToBook(b, side, quantity, pricePaise);
        b.charges += c.total();
        dayCharges = dayCharges.plus(c);
        if (b.last <= 0) {
            b.last = pricePaise;
        }
        return new Applied(c, realised);
    }

    /** Re-applies a journaled fill after a restart, with the charges it was journaled with. */
    void replay(long token, String symbol, Side side, long quantity, long pricePaise, Charges c) {
        Book b = books.computeIfAbsent(token, t -> new Book(t, symbol));
        applyToBook(b, side, quantity, pricePaise);
        b.charges += c.total();
        dayCharges = dayCharges.plus(c);
        if (b.last <= 0) {
            b.last = pricePaise;
        }
    }

    private static long applyToBook(Book b, Side side, long quantity, long price) {
        long signed = side == Side.BUY ? quantity : -quantity;
        if (b.quantity == 0 || Long.signum(b.quantity) == Long.signum(signed)) {
            b.quantity += signed;
            b.openValue += signed * price;
            return 0;
        }
        long closing = Math.min(quantity, Math.abs(b.quantity));
        long portion = Math.round((double) b.openValue * closing / Math.abs(b.quantity));
        long realised = Long.signum(b.quantity) * closing * price - portion;
        b.realised += realised;
        b.openValue -= portion;
        b.quantity += Long.signum(signed) * closing;
        long rest = quantity - closing;
        if (rest > 0) {
            b.quantity += Long.signum(signed) * rest;
            b.openValue += Long.signum(signed) * rest * price;
        }
        if (b.quantity == 0) {
            b.openValue = 0;
        }
        return realised;
    }

    /** Marks a position to the last price; returns whether it holds one. */
    boolean mark(long token, long lastPaise) {
        Book b = books.get(token);
        if (b == null || lastPaise <= 0) {
            return false;
        }
        b.last = lastPaise;
        return true;
    }

    long quantity(long token) {
        Book b = books.get(token);
        return b == null ? 0 : b.quantity;
    }

    long realised() {
        return books.values().stream().mapToLong(b -> b.realised).sum();
    }

    long unrealised() {
        return books.values().stream().mapToLong(Book::unrealised).sum();
    }

    Charges charges() {
        return dayCharges;
    }

    /** Realised plus marked-to-market P&L less every charge paid today. */
    long net() {
        return realised() + unrealised() - dayCharges.total();
    }

    List<Book> books() {
        return new ArrayList<>(books.values());
    }

    Book book(long token) {
        return books.get(token);
    }
}
