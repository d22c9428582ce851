package io.niftyscanner.orders;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The one place that decides where orders go (design.md 8). The sandbox gets its own order book. Real Kite gets paper
 * orders unless {@code orders.live = true} in config AND the trader confirmed in this session by typing the logged-in
 * user id (the window's dialog, or {@code --confirm-live USER_ID}). The confirmation lives in memory only.
 */
public final class LiveGate {
    /** Where orders go. */
    public enum Mode { PAPER, SANDBOX, LIVE }

    /** The answer to a confirmation attempt. */
    public record Confirmation(boolean confirmed, String message) {}

    private final Venue venue;
    private final boolean liveSwitch;
    private final Supplier<String> loggedInUserId;
    private volatile boolean confirmed;

    /**
     * @param liveSwitch     orders.live from config
     * @param loggedInUserId the Kite account the session belongs to (read from Kite's profile when asked)
     */
    public LiveGate(Venue venue, boolean liveSwitch, Supplier<String> loggedInUserId) {
        this.venue = venue;
        this.liveSwitch = liveSwitch;
        this.loggedInUserId = loggedInUserId;
    }

    public Mode mode() {
        if (venue == Venue.SANDBOX) {
            return Mode.SANDBOX;
        }
        return liveSwitch && confirmed ? Mode.LIVE : Mode.PAPER;
    }

    /** Picks the gateway for the current mode: the Kite gateway for the sandbox and confirmed live trading, else paper. */
    public OrderGateway choose(Supplier<OrderGateway> kite, Supplier<OrderGateway> paper) {
        return mode() == Mode.PAPER ? paper.get() : kite.get();
    }

    public Venue venue() {
        return venue;
    }

    public boolean liveSwitch() {
        return liveSwitch;
    }

    /** Whether live trading could be confirmed at all (real Kite and the config switch on), and if not, why. */
    public String whyNotLive() {
        if (venue == Venue.SANDBOX) {
            return "the scanner is connected to the sandbox exchange: its orders go to the sandbox's own book, never to a"
                    + " real account";
        }
        if (!liveSwitch) {
            return "orders.live is false in config/scanner.properties: set it to true to allow live orders";
        }
        return "";
    }

    /** Confirms live trading for this session when the typed id is the logged-in account's. */
    public Confirmation confirm(String typedUserId) {
        String why = whyNotLive();
        if (!why.isEmpty()) {
            return new Confirmation(false, "No live orders: " + why + ".");
        }
        String typed = typedUserId == null ? "" : typedUserId.trim().toUpperCase(Locale.ROOT);
        String actual;
        try {
            actual = loggedInUserId.get();
        } catch (RuntimeException e) {
            return new Confirmation(false, "No live orders: the logged-in Kite account could not be read (" + e.getMessage()
                    + "). Run ./scanner login and try again.");
        }
        if (actual == null || actual.isBlank()) {
            return new Confirmation(false, "No live orders: Kite did not say which account is logged in.");
        }
        if (typed.isEmpty() || !typed.equals(actual.trim().toUpperCase(Locale.ROOT))) {
            return new Confirmation(false, "No live orders: '" + typedUserId + "' is not the logged-in Kite account. Type"
                    + " the user id shown by ./scanner login (Kite's profile).");
        }
        confirmed = true;
        return new Confirmation(true, "Live trading confirmed for Kite account " + actual.trim() + " for this session.");
    }

    public boolean confirmed() {
        return confirmed;
    }
}
