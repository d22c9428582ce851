package io.niftyscanner.ui.chart;

import javafx.scene.paint.Color;

/** The chart's colours for the dark and the light theme (a canvas does not read CSS). */
record ChartPalette(Color background, Color grid, Color text, Color up, Color down, Color emaFast, Color emaSlow, Color rsi,
                    Color buyBand, Color sellBand, Color gapped, Color partial, Color repaired, Color crosshair) {

    static final ChartPalette DARK = new ChartPalette(Color.web("#131722"), Color.web("#252b38"), Color.web("#9ca3af"),
            Color.web("#22c55e"), Color.web("#ef4444"), Color.web("#facc15"), Color.web("#38bdf8"), Color.web("#c084fc"),
            Color.web("#22c55e", 0.10), Color.web("#ef4444", 0.10), Color.web("#f59e0b"), Color.web("#9ca3af"),
            Color.web("#3b82f6"), Color.web("#e5e7eb", 0.35));

    static final ChartPalette LIGHT = new ChartPalette(Color.web("#ffffff"), Color.web("#e5e7eb"), Color.web("#4b5563"),
            Color.web("#16a34a"), Color.web("#dc2626"), Color.web("#ca8a04"), Color.web("#0284c7"), Color.web("#7c3aed"),
            Color.web("#16a34a", 0.10), Color.web("#dc2626", 0.10), Color.web("#d97706"), Color.web("#6b7280"),
            Color.web("#2563eb"), Color.web("#111827", 0.30));
}
