package io.niftyscanner.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartViewportTest {
    @Test
    void followsTheNewestCandlesAndKeepsItsPlaceWhenScrolledBack() {
        ChartViewport v = new ChartViewport();
        assertThat(v.first(385)).isEqualTo(285);
        assertThat(v.last(385)).isEqualTo(384);
        v.pan(50, 385);
        assertThat(v.last(385)).isEqualTo(334);
        v.keepPlace(1);
        assertThat(v.last(386)).as("a new candle does not move what the trader is looking at").isEqualTo(334);
        v.follow();
        assertThat(v.last(386)).isEqualTo(385);
    }

    @Test
    void centresACandleAndNeverScrollsPastEitherEnd() {
        ChartViewport v = new ChartViewport();
        v.centre(200, 385);
        assertThat(v.first(385)).isEqualTo(151);
        assertThat(v.last(385)).isEqualTo(250);
        v.centre(380, 385);
        assertThat(v.last(385)).isEqualTo(384);
        v.pan(10_000, 385);
        assertThat(v.first(385)).isZero();
        v.pan(-10_000, 385);
        assertThat(v.following()).isTrue();
        assertThat(v.first(5)).isZero();
        assertThat(v.last(0)).isEqualTo(-1);
    }

    @Test
    void zoomStaysBetweenTwentyAndTheWholeSeries() {
        ChartViewport v = new ChartViewport();
        v.zoom(-100, 385);
        assertThat(v.visible()).isEqualTo(ChartViewport.MIN_VISIBLE);
        v.zoom(100, 385);
        assertThat(v.visible()).isEqualTo(385);
    }

    @Test
    void gridValuesAreRound() {
        PriceScale s = new PriceScale(2493.7, 2531.2, 0, 400);
        List<Double> ticks = s.ticks(5);
        assertThat(ticks).containsExactly(2500.0, 2510.0, 2520.0, 2530.0);
        assertThat(s.y(2493.7)).isEqualTo(400.0);
        assertThat(s.y(2531.2)).isEqualTo(0.0);
    }
}
