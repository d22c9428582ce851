package io.niftyscanner.ui.chart;

import java.util.ArrayList;
import java.util.List;

/** Maps values in [low, high] onto pixel rows [bottomY, topY] (higher values higher up) and picks round grid values. */
record PriceScale(double low, double high, double topY, double bottomY) {

    double y(double value) {
        return bottomY - (value - low) / (high - low) * (bottomY - topY);
    }

    /** Round values (1, 2 or 5 times a power of ten apart) inside the range, about {@code count} of them. */
    List<Double> ticks(int count) {
        double raw = (high - low) / Math.max(1, count);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            step = m * magnitude;
            if (step >= raw) {
                break;
            }
        }
        List<Double> out = new ArrayList<>();
        for (double v = Math.ceil(low / step) * step; v <= high; v += step) {
            out.add(Math.round(v / step) * step);
        }
        return out;
    }
}
