/** The engine thread and everything it owns: candle building, indicators (behind our own port, ta4j adapter), strategy, signals, throttles. */
package io.niftyscanner.engine;
