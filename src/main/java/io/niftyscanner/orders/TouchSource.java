package io.niftyscanner.orders;

import io.niftyscanner.market.Instrument;
import java.util.Optional;

/** Where the paper gateway reads the touch at the moment it fills a market order. */
@FunctionalInterface
public interface TouchSource {
    /** The current touch, or empty when it cannot be read now. */
    Optional<Touch> touch(Instrument instrument);
}
