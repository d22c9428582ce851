package io.niftyscanner.sandbox;

import io.niftyscanner.market.SessionCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated trading session (09:15 to 15:30 IST) of every instrument, stepped in fixed market-time steps.
 * Each instrument has its own random stream keyed by (seed, token, date), so a session is a pure function of
 * those: stepping it in one go or in many small pieces gives the same ticks, and past sessions can be rebuilt
 * at any time for the historical route. Also keeps one-minute bars, from which every historical interval is built.
 * Not thread-safe: the owner ({@link SimMarket}) synchronises.
 */
final class SessionDay {
    static final int MINUTES = 375;
    private static final long MINUTE = 60_000L;

    /** Receives each step that changed something. {@code slots[0..count)} are the instruments that ticked. */
    interface StepListener {
        void onStep(SessionDay day, long timeMillis, int[] slots, int count);
    }

    final LocalDate date;
    final long openMillis;
    final long stepMillis;
    final int steps;
    final List<SimInstrument> universe;
    final int indexSlot;

    // state per slot (prices in paise)
    final long[] last;
    final long[] open;
    final long[] high;
    final long[] low;
    final long[] prevClose;
    final long[] volume;
    final long[] turnover;
    final long[] lastQty;
    final long[] lastTradeMillis;
    final int[] lastTradeStep;
    private final double[] logPrice;
    private final double[] logLevel;
    private final double[] drift;
    private final double[] trend;
    private final double[] noise;
    private final double[] qtyBase;
    private final SplittableRandom[] random;
    private final double tickProbability;
    private final double indexWeightSum;

    // one-minute bars per slot
    final long[][] barOpen;
    final long[][] barHigh;
    final long[][] barLow;
    final long[][] barClose;
    final long[][] barVolume;
    final int[][] barTicks;

    private int nextStep;
    private final int[] changed;

    SessionDay(LocalDate date, List<SimInstrument> universe, long seed, double ticksPerSecond, long[] prevCloseOrNull) {
        this.date = date;
        this.universe = universe;
        this.openMillis = SessionCalendar.sessionOpenMillis(date);
        int stepsPerSecond = (int) Math.max(1, Math.ceil(ticksPerSecond));
        this.stepMillis = 1000L / stepsPerSecond;
        this.steps = (int) (SessionCalendar.sessionCloseMillis(date) - openMillis) / (int) stepMillis;
        this.tickProbability = ticksPerSecond / stepsPerSecond;
        int n = universe.size();
        int idx = -1;
        double wsum = 0;
        for (int i = 0; i < n; i++) {
            if (universe.get(i).isIndex()) {
                idx = i;
            } else {
                wsum += universe.get(i).indexWeight();
            }
        }
        this.indexSlot = idx;
        this.indexWeightSum = wsum;
        last = new long[n];
        open = new long[n];
        high = new long[n];
        low = new long[n];
        prevClose = new long[n];
        volume = new long[n];
        turnover = new long[n];
        lastQty = new long[n];
        lastTradeMillis = new long[n];
        lastTradeStep = new int[n];
        logPrice = new double[n];
        logLevel = new double[n];
        drift = new double[n];
        trend = new double[n];
        noise = new double[n];
        qtyBase = new double[n];
        random = new SplittableRandom[n];
        barOpen = new long[n][MINUTES];
        barHigh = new long[n][MINUTES];
        barLow = new long[n][MINUTES];
        barClose = new long[n][MINUTES];
        barVolume = new long[n][MINUTES];
        barTicks = new int[n][MINUTES];
        changed = new int[n];
        double dt = stepMillis / 1000.0;
        for (int i = 0; i < n; i++) {
            SimInstrument s = universe.get(i);
            lastTradeStep[i] = -1;
            if (i == indexSlot) {
                continue;
            }
            random[i] = new SplittableRandom(PriceModel.seedFor(seed, s.token(), date));
            logLevel[i] = PriceModel.logLevel(seed, s.token(), s.basePrice(), date);
            logPrice[i] = logLevel[i] + 0.004 * random[i].nextGaussian();
            trend[i] = s.annualVol() * PriceModel.TREND_PER_VOL;
            noise[i] = PriceModel.noisePerRootSecond(s.annualVol()) * Math.sqrt(dt);
            qtyBase[i] = PriceModel.TURNOVER_PER_TICK_RUPEES * (1 + s.indexWeight());
            drift[i] = pickDrift(random[i], trend[i]);
        }
        for (int i = 0; i < n; i++) {
            if (prevCloseOrNull != null) {
                prevClose[i] = prevCloseOrNull[i];
            } else if (i != indexSlot) {
                prevClose[i] = toTick(Math.exp(logLevel[i]));
            }
        }
        if (prevCloseOrNull == null && indexSlot >= 0) {
            prevClose[indexSlot] = indexValue(prevClose);
        }
    }

    private static double pickDrift(SplittableRandom r, double trend) {
        double u = r.nextDouble();
        double size = trend * (0.5 + r.nextDouble());
        return u < 0.4 ? size : u < 0.8 ? -size : 0.0;
    }

    static long toTick(double rupees) {
        return Math.max(5L, Math.round(rupees * 20.0) * 5L);
    }

    long stepTime(int step) {
        return openMillis + step * stepMillis;
    }

    /** Market time of the last step taken, or -1 before the first. */
    long lastStepTime() {
        return nextStep == 0 ? -1 : stepTime(nextStep - 1);
    }

    boolean started() {
        return nextStep > 0;
    }

    boolean finished() {
        return nextStep >= steps;
    }

    /** Takes every step whose time is at or before {@code marketMillis}. */
    void advanceTo(long marketMillis, StepListener listener) {
        while (nextStep < steps && stepTime(nextStep) <= marketMillis) {
            step(nextStep++, listener);
        }
    }

    void finish() {
        advanceTo(Long.MAX_VALUE, null);
    }

    private void step(int k, StepListener listener) {
        long t = stepTime(k);
        double dt = stepMillis / 1000.0;
        int count = 0;
        for (int i = 0; i < universe.size(); i++) {
            if (i == indexSlot) {
                continue;
            }
            SplittableRandom r = random[i];
            if (r.nextDouble() < PriceModel.REGIME_HAZARD_PER_SECOND * dt) {
                drift[i] = pickDrift(r, trend[i]);
            }
            logPrice[i] += drift[i] * dt - PriceModel.REVERSION_PER_SECOND * (logPrice[i] - logLevel[i]) * dt
                    + noise[i] * r.nextGaussian();
            boolean ticks = k == 0 || r.nextDouble() < tickProbability;
            double qtyNoise = r.nextGaussian();
            if (!ticks) {
                continue;
            }
            long price = toTick(Math.exp(logPrice[i]));
            long qty = Math.max(1L, Math.round(qtyBase[i] / (price / 100.0) * Math.exp(0.7 * qtyNoise - 0.245)));
            trade(i, k, t, price, qty);
            changed[count++] = i;
        }
        if (indexSlot >= 0 && count > 0) {
            trade(indexSlot, k, t, indexValue(last), 0);
            changed[count++] = indexSlot;
        }
        if (listener != null && count > 0) {
            listener.onStep(this, t, changed, count);
        }
    }

    private void trade(int i, int k, long t, long price, long qty) {
        if (lastTradeStep[i] < 0) {
            open[i] = price;
            high[i] = price;
            low[i] = price;
        }
        last[i] = price;
        high[i] = Math.max(high[i], price);
        low[i] = Math.min(low[i], price);
        volume[i] += qty;
        turnover[i] += price * qty;
        lastQty[i] = qty;
        lastTradeMillis[i] = t;
        lastTradeStep[i] = k;
        int m = (int) ((t - openMillis) / MINUTE);
        if (barTicks[i][m] == 0) {
            barOpen[i][m] = price;
            barHigh[i][m] = price;
            barLow[i][m] = price;
        } else {
            barHigh[i][m] = Math.max(barHigh[i][m], price);
            barLow[i][m] = Math.min(barLow[i][m], price);
        }
        barClose[i][m] = price;
        barVolume[i][m] += qty;
        barTicks[i][m]++;
    }

    /** The index from constituent prices: a weighted average of price relatives, on the 0.05 grid. */
    private long indexValue(long[] prices) {
        double sum = 0;
        for (int i = 0; i < universe.size(); i++) {
            if (i == indexSlot) {
                continue;
            }
            SimInstrument s = universe.get(i);
            long p = prices[i] > 0 ? prices[i] : toTick(Math.exp(logLevel[i]));
            sum += s.indexWeight() * (p / 100.0) / s.basePrice();
        }
        double rel = indexWeightSum > 0 ? sum / indexWeightSum : 1.0;
        return toTick(Nifty50Universe.NIFTY_50_LEVEL * rel);
    }

    /** Average traded price in paise, 0 before the first trade. */
    long averagePrice(int slot) {
        return volume[slot] == 0 ? 0 : Math.round((double) turnover[slot] / volume[slot]);
    }

    /** Closing prices of the session so far (previous close of the next one). */
    long[] closes() {
        long[] out = new long[universe.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = lastTradeStep[i] >= 0 ? last[i] : prevClose[i];
        }
        return out;
    }
}
