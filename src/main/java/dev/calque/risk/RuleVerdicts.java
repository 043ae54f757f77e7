package dev.calque.risk;

/**
 * What editors said about one rule's findings: {@code confirmed} found real, {@code dismissed} marked
 * false positive (today the suppressions with reason "false positive"; the review desk later).
 */
public record RuleVerdicts(String ruleId, int confirmed, int dismissed) {
    public RuleVerdicts {
        if (confirmed < 0 || dismissed < 0) throw new IllegalArgumentException("verdict counts cannot be negative");
    }

    /** Dismissals per rule id (e.g. the suppressions file's false positives) as verdicts. */
    public static java.util.List<RuleVerdicts> dismissals(java.util.Map<String, Integer> byRule) {
        java.util.List<RuleVerdicts> out = new java.util.ArrayList<>();
        new java.util.TreeMap<>(byRule).forEach((rule, n) -> out.add(new RuleVerdicts(rule, 0, n)));
        return out;
    }
}
