package io.niftyscanner.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.Tick;
import org.junit.jupiter.api.Test;

class SignalLatencyTest {
    private static Tick receivedAt(long nanos) {
        return new Tick(738561, 1_700_000_000_000L, 250_000, 1_000, 10, nanos);
    }

    @Test
    void measuresFromTheTicksReceptionToTheSignalItRaised() {
        SignalLatency latency = new SignalLatency();
        assertThat(latency.lastMicros()).isEqualTo(-1);
        long before = System.nanoTime();
        Tick tick = receivedAt(before);
        latency.signalRaised();
        long after = System.nanoTime();
        latency.afterTick(tick);
        assertThat(latency.lastMicros()).isBetween(0L, (after - before) / 1000);
    }

    @Test
    void ticksThatRaisedNoSignalLeaveTheLastMeasurement() {
        SignalLatency latency = new SignalLatency();
        latency.afterTick(receivedAt(System.nanoTime()));
        assertThat(latency.lastMicros()).isEqualTo(-1);
    }

    @Test
    void signalsRaisedByTheClockOrWithoutAReceptionTimeAreNotCounted() {
        SignalLatency latency = new SignalLatency();
        latency.signalRaised();
        latency.afterMarketTime(1_700_000_000_000L);
        latency.afterTick(receivedAt(System.nanoTime() - 1_000_000));
        assertThat(latency.lastMicros()).as("raised by the market clock, not by the tick after it").isEqualTo(-1);

        latency.signalRaised();
        latency.afterTick(receivedAt(0));
        assertThat(latency.lastMicros()).as("a tick of unknown reception time").isEqualTo(-1);

        latency.signalRaised();
        latency.afterTick(receivedAt(System.nanoTime() + 1_000_000_000L));
        assertThat(latency.lastMicros()).as("a tick received after the signal (a repair raised it)").isEqualTo(-1);
    }
}
