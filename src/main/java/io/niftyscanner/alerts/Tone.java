package io.niftyscanner.alerts;

import io.niftyscanner.market.Side;
import java.util.List;

/**
 * A short pattern of notes and rests. BUY rises (880 Hz then 1320 Hz), SELL falls (1320 Hz then 660 Hz, longer), so
 * the two differ in pitch, direction and rhythm and can be told apart without looking.
 */
public record Tone(List<Note> notes) {
    /** A note of one frequency, or a rest when {@code hz} is 0. */
    public record Note(double hz, int millis) {}

    public static final Tone BUY = new Tone(List.of(new Note(880, 150), new Note(0, 70), new Note(1320, 150)));
    public static final Tone SELL = new Tone(List.of(new Note(1320, 150), new Note(0, 70), new Note(660, 250)));

    public Tone {
        notes = List.copyOf(notes);
    }

    public static Tone of(Side side) {
        return side == Side.BUY ? BUY : SELL;
    }

    public int millis() {
        return notes.stream().mapToInt(Note::millis).sum();
    }
}
