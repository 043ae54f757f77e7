package dev.calque.risk;

import java.util.ArrayList;
import java.util.List;

/** The measures of {@code docs/risk.md}: ROC AUC, expected calibration error, precision at the top. */
public final class Metrics {
    public static final int BINS = 10;

    private Metrics() {
    }

    /** ROC AUC of scores against 0/1 labels (ties count half); {@code NaN} without both classes. */
    public static double auc(double[] score, boolean[] positive) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSum = 0;
        long pos = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && score[order[j + 1]] == score[order[i]]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) if (positive[order[k]]) {
                rankSum += rank;
                pos++;
            }
            i = j + 1;
        }
        long neg = order.length - pos;
        if (pos == 0 || neg == 0) return Double.NaN;
        return (rankSum - pos * (pos + 1) / 2.0) / (pos * (double) neg);
    }

    /** One reliability bin: mean predicted probability, observed rate, count. */
    public record Bin(double predicted, double observed, int count) {
    }

    public static List<Bin> reliability(double[] p, boolean[] y) {
        double[] sp = new double[BINS], sy = new double[BINS];
        int[] n = new int[BINS];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(BINS - 1, (int) (p[i] * BINS));
            sp[b] += p[i];
            sy[b] += y[i] ? 1 : 0;
            n[b]++;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < BINS; b++) out.add(n[b] == 0 ? new Bin(Double.NaN, Double.NaN, 0) : new Bin(sp[b] / n[b], sy[b] / n[b], n[b]));
        return out;
    }

    /** Expected calibration error against soft labels (each in 0..1), same bins. */
    public static double ece(double[] p, double[] y) {
        double[] sp = new double[BINS], sy = new double[BINS];
        int[] n = new int[BINS];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(BINS - 1, (int) (p[i] * BINS));
            sp[b] += p[i];
            sy[b] += y[i];
            n[b]++;
        }
        double e = 0;
        for (int b = 0; b < BINS; b++) e += Math.abs(sp[b] - sy[b]);
        return p.length == 0 ? Double.NaN : e / p.length;
    }

    /** Expected calibration error over {@value #BINS} equal-width bins, weighted by their counts. */
    public static double ece(double[] p, boolean[] y) {
        double e = 0;
        for (Bin b : reliability(p, y)) if (b.count() > 0) e += b.count() * Math.abs(b.predicted() - b.observed());
        return p.length == 0 ? Double.NaN : e / p.length;
    }

    /** Share of positives among the top {@code share} of items by score. */
    public static double precisionAtTop(double[] p, boolean[] y, double share) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        int k = Math.max(1, (int) Math.round(p.length * share));
        int hits = 0;
        for (int i = 0; i < k && i < order.length; i++) if (y[order[i]]) hits++;
        return p.length == 0 ? Double.NaN : (double) hits / Math.min(k, p.length);
    }
}
