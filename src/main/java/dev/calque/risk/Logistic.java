package dev.calque.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * L2-regularized logistic regression over named features, fitted by Newton's method. Features are
 * standardized with the training means and deviations (kept in the model), so the weights compare:
 * a weight is the change in log-odds for one standard deviation of its feature. A feature absent
 * from an input is 0 (before standardization), as a count of nothing should be.
 *
 * @param names     feature names, in the order of {@code weights}
 * @param mean      training mean of each feature
 * @param scale     training standard deviation of each feature (1 when constant)
 * @param weights   one weight per feature (standardized)
 * @param intercept the bias
 */
public record Logistic(List<String> names, double[] mean, double[] scale, double[] weights, double intercept) {

    public double logit(Map<String, Double> x) {
        double z = intercept;
        for (int j = 0; j < names.size(); j++) {
            double v = x.getOrDefault(names.get(j), 0.0);
            z += weights[j] * (v - mean[j]) / scale[j];
        }
        return z;
    }

    public double probability(Map<String, Double> x) {
        return sigmoid(logit(x));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** The weights by name, largest magnitude first: what the coefficients file lists. */
    public Map<String, Double> byName() {
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) order.add(j);
        order.sort((a, b) -> Double.compare(Math.abs(weights[b]), Math.abs(weights[a])));
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j : order) out.put(names.get(j), weights[j]);
        return out;
    }

    /**
     * @param xs     inputs
     * @param ys     labels (0 or 1)
     * @param lambda L2 penalty on the standardized weights (the intercept is not penalized)
     */
    public static Logistic fit(List<Map<String, Double>> xs, double[] ys, double lambda) {
        TreeSet<String> all = new TreeSet<>();
        for (Map<String, Double> x : xs) all.addAll(x.keySet());
        List<String> names = new ArrayList<>(all);
        int d = names.size(), n = xs.size();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int j = 0; j < d; j++) index.put(names.get(j), j);
        double[][] a = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (Map.Entry<String, Double> e : xs.get(i).entrySet()) {
                if (!Double.isFinite(e.getValue())) throw new IllegalArgumentException("feature " + e.getKey() + " is " + e.getValue());
                a[i][index.get(e.getKey())] = e.getValue();
            }
        }
        double[] mean = new double[d], scale = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0, s2 = 0;
            for (int i = 0; i < n; i++) {
                s += a[i][j];
                s2 += a[i][j] * a[i][j];
            }
            mean[j] = s / n;
            double var = s2 / n - mean[j] * mean[j];
            scale[j] = var > 1e-12 ? Math.sqrt(var) : 1;
            for (int i = 0; i < n; i++) a[i][j] = (a[i][j] - mean[j]) / scale[j];
        }
        // Newton: parameters 0..d-1 weights, d the intercept
        double[] w = new double[d + 1];
        for (int iter = 0; iter < 50; iter++) {
            double[] g = new double[d + 1];
            double[][] h = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double z = w[d];
                for (int j = 0; j < d; j++) z += w[j] * a[i][j];
                double p = sigmoid(z);
                double r = p - ys[i], s = Math.max(p * (1 - p), 1e-9);
                for (int j = 0; j < d; j++) {
                    double aj = a[i][j];
                    g[j] += r * aj;
                    if (aj == 0) continue;
                    double saj = s * aj;
                    for (int k = 0; k <= j; k++) h[j][k] += saj * a[i][k];
                    h[d][j] += saj;
                }
                g[d] += r;
                h[d][d] += s;
            }
            for (int j = 0; j < d; j++) {
                g[j] += lambda * w[j];
                h[j][j] += lambda;
                for (int k = 0; k < j; k++) h[k][j] = h[j][k];
                h[j][d] = h[d][j];
            }
            double[] step = solve(h, g);
            double change = 0;
            for (int j = 0; j <= d; j++) {
                w[j] -= step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < 1e-6) break;
        }
        double[] weights = java.util.Arrays.copyOf(w, d);
        return new Logistic(List.copyOf(names), mean, scale, weights, w[d]);
    }

    /** Solves h x = g by Cholesky (h is symmetric positive definite with the ridge). */
    static double[] solve(double[][] h, double[] g) {
        int m = g.length;
        double[][] l = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = h[i][j];
                for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
                if (i == j) l[i][i] = Math.sqrt(Math.max(s, 1e-12));
                else l[i][j] = s / l[j][j];
            }
        }
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double s = g[i];
            for (int k = 0; k < i; k++) s -= l[i][k] * y[k];
            y[i] = s / l[i][i];
        }
        double[] x = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < m; k++) s -= l[k][i] * x[k];
            x[i] = s / l[i][i];
        }
        return x;
    }
}
