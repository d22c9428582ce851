package io.niftyscanner.bench;

import io.niftyscanner.engine.EngineCore;
import io.niftyscanner.engine.EngineListener;
import io.niftyscanner.engine.IndicatorValues;
import io.niftyscanner.engine.StrategyParams;
import io.niftyscanner.market.Candle;
import io.niftyscanner.market.Signal;
import io.niftyscanner.market.Tick;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Engine throughput: one operation is one tick through {@link EngineCore} (candle building, candle closes on
 * ticks and on market time, indicators, strategy, signals), as replay and the engine thread drive it. 50 instruments
 * (the NIFTY 50) and 9,000 (three full Kite WebSocket connections). {@code throughput} reports ticks per second,
 * {@code latency} the per-tick time distribution (including the ticks that close every instrument's candle).
 */
@State(Scope.Thread)
public class EngineBenchmark {
    @Param({"50", "9000"})
    public int instruments;

    private TickStream stream;
    private EngineCore core;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        int ticksPerSession = instruments <= 50 ? 1_000_000 : 2_000_000;
        stream = new TickStream(instruments, ticksPerSession, 42);
        EngineListener sink = new EngineListener() {
            @Override
            public void onCandleClosed(Candle candle, IndicatorValues values) {
                blackhole.consume(values);
            }

            @Override
            public void onSignal(Signal signal) {
                blackhole.consume(signal);
            }
        };
        core = new EngineCore(stream.instruments(), StrategyParams.defaults(), sink);
        for (int i = 0; i < ticksPerSession; i++) {   // one session of history before measuring
            process();
        }
    }

    private void process() {
        Tick tick = stream.next();
        core.onTick(tick);
        core.onMarketTime(tick.exchangeTimeMillis());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void throughput() {
        process();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void latency() {
        process();
    }
}
