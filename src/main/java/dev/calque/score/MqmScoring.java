package dev.calque.score;

import dev.calque.model.ArticleScore;
import dev.calque.model.Finding;
import dev.calque.model.Severity;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MQM scoring model: penalty points per finding by severity (with per-category overrides, such
 * as 0.1 for a minor punctuation error), normalized to a reference length, score = 100 - normalized
 * penalty. Short articles are counted as at least {@code minWords} long, so one minor slip in a
 * 60-word brief does not sink it: without the floor it would cost 16.7 points per 1,000 words.
 *
 * @param weights         penalty per severity (default minor 1, major 5, critical 25)
 * @param categoryWeights overrides for categories, by MQM path prefix, e.g. {@code Fluency/Punctuation}
 * @param referenceWords  the length penalties are normalized to (default 1,000 words)
 * @param minWords        the word-count floor used for short articles (default 250)
 */
public record MqmScoring(Map<Severity, Double> weights, Map<String, Map<Severity, Double>> categoryWeights,
                         int referenceWords, int minWords) {

    public static final MqmScoring DEFAULT = new MqmScoring(defaultWeights(), Map.of(
            "Fluency/Punctuation", Map.of(Severity.MINOR, 0.1)), 1000, 250);

    public MqmScoring {
        weights = Map.copyOf(weights);
        categoryWeights = new LinkedHashMap<>(categoryWeights);
        if (referenceWords <= 0) throw new IllegalArgumentException("reference word count must be positive");
        if (minWords < 1) throw new IllegalArgumentException("minimum word count must be at least 1");
    }

    private static Map<Severity, Double> defaultWeights() {
        Map<Severity, Double> w = new EnumMap<>(Severity.class);
        w.put(Severity.NEUTRAL, 0.0);
        w.put(Severity.MINOR, 1.0);
        w.put(Severity.MAJOR, 5.0);
        w.put(Severity.CRITICAL, 25.0);
        return w;
    }

    public double penalty(Finding f) {
        String best = null;
        for (String prefix : categoryWeights.keySet()) {
            if ((f.category().equals(prefix) || f.category().startsWith(prefix + "/"))
                    && categoryWeights.get(prefix).containsKey(f.severity())
                    && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best != null) return categoryWeights.get(best).get(f.severity());
        return weights.getOrDefault(f.severity(), 0.0);
    }

    public ArticleScore score(List<Finding> findings, int words) {
        double apt = 0;
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Finding f : findings) {
            apt += penalty(f);
            counts.merge(f.severity(), 1, Integer::sum);
        }
        return new ArticleScore(apt, normalize(apt, words), words, counts);
    }

    /** Score for a total penalty over a word count, with the short-article floor applied. */
    public double normalize(double penalty, int words) {
        int counted = Math.max(words, minWords);
        return 100.0 - penalty * referenceWords / counted;
    }
}
