package io.niftyscanner.engine;

/** Counters since the engine started. */
public record EngineStats(long ticks, long candles, long signals, long lateTicks, long outOfSessionTicks,
                          long unknownTokenTicks, long repairedCandles) {}
