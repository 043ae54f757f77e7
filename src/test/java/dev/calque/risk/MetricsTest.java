package dev.calque.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void aucCountsOrderedPairsAndTiesHalf() {
        assertThat(Metrics.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}))
                .isCloseTo(0.75, within(1e-9));
        assertThat(Metrics.auc(new double[] {1, 1, 1, 1}, new boolean[] {false, true, false, true})).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void calibratedScoresHaveASmallErrorAndOverconfidentOnesALargeOne() {
        Random r = new Random(3);
        int n = 20000;
        double[] p = new double[n], over = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            p[i] = r.nextDouble();
            y[i] = r.nextDouble() < p[i];
            over[i] = p[i] < 0.5 ? p[i] / 3 : 1 - (1 - p[i]) / 3;
        }
        assertThat(Metrics.ece(p, y)).isLessThan(0.02);
        assertThat(Metrics.ece(over, y)).isGreaterThan(0.1);
        assertThat(Metrics.precisionAtTop(p, y, 0.1)).isGreaterThan(0.9);
    }

    @Test
    void logisticRegressionRecoversTheSignsAndSizesOfTheTrueWeights() {
        Random r = new Random(5);
        List<Map<String, Double>> xs = new ArrayList<>();
        double[] ys = new double[5000];
        for (int i = 0; i < ys.length; i++) {
            double a = r.nextGaussian(), b = r.nextGaussian(), c = r.nextGaussian();
            xs.add(Map.of("a", a, "b", b, "noise", c));
            ys[i] = r.nextDouble() < Logistic.sigmoid(1.5 * a - 0.7 * b + 0.3) ? 1 : 0;
        }
        Logistic m = Logistic.fit(xs, ys, 1.0);
        Map<String, Double> w = m.byName();
        assertThat(w.keySet().iterator().next()).isEqualTo("a"); // largest first
        assertThat(w.get("a")).isCloseTo(1.5, within(0.15));
        assertThat(w.get("b")).isCloseTo(-0.7, within(0.15));
        assertThat(w.get("noise")).isCloseTo(0.0, within(0.1));
    }
}
