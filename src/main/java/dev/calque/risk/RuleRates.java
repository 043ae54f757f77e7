package dev.calque.risk;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often each rule's findings overlap an annotated error: a Beta-smoothed hit rate per rule,
 * shrunk towards the rate of its group (origin and MQM dimension: {@code languagetool|Fluency}),
 * which is shrunk towards the overall rate. A rule seen a few times keeps close to its group; one
 * seen hundreds of times speaks for itself. Editors' verdicts enter as extra observations
 * ({@link #withVerdicts}): the Beta posterior update of the same rate.
 */
public final class RuleRates {
    /** Pseudo-observations of the group rate in each rule's prior. */
    public static final double RULE_PRIOR = 10;
    /** Pseudo-observations of the overall rate in each group's prior. */
    public static final double GROUP_PRIOR = 20;

    /** Findings and hits of a rule or group. */
    public record Count(double fires, double hits) {
        Count plus(double f, double h) {
            return new Count(fires + f, hits + h);
        }
    }

    private final Map<String, Count> rules;
    private final Map<String, Count> groups;
    private final Map<String, String> groupOf;
    private final Count all;
    private final Map<String, Double> humanRatio;

    public RuleRates(Map<String, Count> rules, Map<String, Count> groups, Map<String, String> groupOf, Count all) {
        this(rules, groups, groupOf, all, Map.of());
    }

    /**
     * @param humanRatio per rule, log of its findings per 1,000 words on human translations over the same
     *                   on machine translations of the training data (smoothed; 0 when unknown): a rule
     *                   firing as often on people's English as on MT's says little about MT
     */
    public RuleRates(Map<String, Count> rules, Map<String, Count> groups, Map<String, String> groupOf, Count all,
                     Map<String, Double> humanRatio) {
        this.rules = new TreeMap<>(rules);
        this.groups = new TreeMap<>(groups);
        this.groupOf = new TreeMap<>(groupOf);
        this.all = all;
        this.humanRatio = new TreeMap<>(humanRatio);
    }

    /** See the constructor; 0 for a rule training did not see. */
    public double humanRatio(String rule) {
        return humanRatio.getOrDefault(rule, 0.0);
    }

    public Map<String, Double> humanRatios() {
        return humanRatio;
    }

    static String group(String origin, String category) {
        int slash = category.indexOf('/');
        return origin + "|" + (slash < 0 ? category : category.substring(0, slash));
    }

    /** Counts findings one by one while training. */
    public static final class Builder {
        private final Map<String, Count> rules = new HashMap<>();
        private final Map<String, Count> groups = new HashMap<>();
        private final Map<String, String> groupOf = new HashMap<>();
        private Count all = new Count(0, 0);

        /** @param hit 1 when the finding overlaps an annotated error; the share of annotators who marked it */
        public void add(String rule, String origin, String category, double hit) {
            String g = group(origin, category);
            double h = hit;
            rules.merge(rule, new Count(1, h), (a, b) -> a.plus(b.fires, b.hits));
            groups.merge(g, new Count(1, h), (a, b) -> a.plus(b.fires, b.hits));
            groupOf.put(rule, g);
            all = all.plus(1, h);
        }

        private final Map<String, double[]> firesHumanMt = new HashMap<>();
        private final double[] wordsHumanMt = new double[2];

        /** A segment's words, human or machine translation, for {@link #humanRatio}. */
        public void words(boolean human, int words) {
            wordsHumanMt[human ? 0 : 1] += words;
        }

        public void fired(String rule, boolean human) {
            firesHumanMt.computeIfAbsent(rule, k -> new double[2])[human ? 0 : 1]++;
        }

        public RuleRates build() {
            Map<String, Double> ratio = new HashMap<>();
            if (wordsHumanMt[0] > 0 && wordsHumanMt[1] > 0) {
                firesHumanMt.forEach((rule, n) -> ratio.put(rule, Math.log(((n[0] + 0.5) / wordsHumanMt[0])
                        / ((n[1] + 0.5) / wordsHumanMt[1]))));
            }
            return new RuleRates(rules, groups, groupOf, all, ratio);
        }
    }

    private double overall() {
        return (all.hits + 1) / (all.fires + 2);
    }

    private double groupRate(String g) {
        Count c = groups.get(g);
        double prior = overall();
        return c == null ? prior : (c.hits + GROUP_PRIOR * prior) / (c.fires + GROUP_PRIOR);
    }

    /** The smoothed hit rate of a rule; a rule never seen gets its group's rate. */
    public double rate(String rule, String origin, String category) {
        String g = groupOf.getOrDefault(rule, group(origin, category));
        double prior = groupRate(g);
        Count c = rules.get(rule);
        double p = c == null ? prior : (c.hits + RULE_PRIOR * prior) / (c.fires + RULE_PRIOR);
        return Math.min(0.995, Math.max(0.005, p));
    }

    /** How many findings of the rule training saw (0 when none). */
    public double fires(String rule) {
        Count c = rules.get(rule);
        return c == null ? 0 : c.fires;
    }

    /**
     * The rates after editors' verdicts: each confirmed finding counts as one more hit, each dismissed
     * one as one more finding that missed (pseudo-observations on top of training's). A rule training
     * never saw gets a count of its own, starting from its group's rate.
     */
    public RuleRates withVerdicts(Collection<RuleVerdicts> verdicts) {
        Map<String, Count> r = new HashMap<>(rules);
        for (RuleVerdicts v : verdicts) {
            r.merge(v.ruleId(), new Count(v.confirmed() + v.dismissed(), v.confirmed()),
                    (a, b) -> a.plus(b.fires, b.hits));
        }
        return new RuleRates(r, groups, groupOf, all, humanRatio);
    }

    public Map<String, Count> rules() {
        return rules;
    }

    public Map<String, Count> groups() {
        return groups;
    }

    public Map<String, String> groupOf() {
        return groupOf;
    }

    public Count all() {
        return all;
    }
}
