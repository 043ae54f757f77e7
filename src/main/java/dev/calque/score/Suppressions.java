package dev.calque.score;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.calque.model.Finding;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Findings already reviewed: a baseline (every finding of an earlier run, by fingerprint, written
 * by {@code calque baseline}) and a suppressions file (an editor's verdicts that a finding is a
 * false positive: a fingerprint, or a rule and a passage, with the reason). Accepted findings are
 * left out of scoring and gating, and counted.
 */
public final class Suppressions {
    public static final Suppressions NONE = new Suppressions(Set.of(), Set.of());

    /** The baseline file {@code calque baseline} writes (see report/BaselineWriter). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BaselineFile(Integer schemaVersion, List<BaselineEntry> findings) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BaselineEntry(String fingerprint, String rule, String passage, String source) {
    }

    /** An editor's verdict: hand-written, so read strictly. */
    public record SuppressionsFile(List<Suppression> suppressions) {
    }

    /**
     * @param fingerprint the finding's fingerprint (from SARIF, JSON or the baseline); or, without it,
     * @param rule        the rule id and
     * @param passage     the flagged passage: every finding of the rule on that passage is accepted
     * @param reason      why it is not an error (required: the verdict is for the next editor too)
     */
    public record Suppression(String fingerprint, String rule, String passage, String reason, String source,
                              String by, String date) {
    }

    private final Set<String> fingerprints;
    private final Set<String> rulePassages;
    /** Dismissals recorded at the review desk (a verdict database), kept apart to be counted apart. */
    private final Set<String> dismissedFingerprints;
    private final Set<String> dismissedRulePassages;
    private final java.util.concurrent.atomic.LongAdder dismissedHits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.Map<String, Integer> falsePositives;

    private Suppressions(Set<String> fingerprints, Set<String> rulePassages) {
        this(fingerprints, rulePassages, java.util.Map.of());
    }

    private Suppressions(Set<String> fingerprints, Set<String> rulePassages, java.util.Map<String, Integer> falsePositives) {
        this(fingerprints, rulePassages, Set.of(), Set.of(), falsePositives);
    }

    private Suppressions(Set<String> fingerprints, Set<String> rulePassages, Set<String> dismissedFingerprints,
                         Set<String> dismissedRulePassages, java.util.Map<String, Integer> falsePositives) {
        this.fingerprints = Set.copyOf(fingerprints);
        this.rulePassages = Set.copyOf(rulePassages);
        this.dismissedFingerprints = Set.copyOf(dismissedFingerprints);
        this.dismissedRulePassages = Set.copyOf(dismissedRulePassages);
        this.falsePositives = java.util.Map.copyOf(falsePositives);
    }

    /**
     * These suppressions plus the findings editors dismissed at the review desk: fingerprints, and
     * rule-and-passage keys ({@code rule + '\0' + passage}) for dismissals imported without one.
     */
    public Suppressions withDismissed(Set<String> fingerprints, Set<String> rulePassages) {
        if (fingerprints.isEmpty() && rulePassages.isEmpty()) return this;
        return new Suppressions(this.fingerprints, this.rulePassages, fingerprints, rulePassages, falsePositives);
    }

    /** How many findings the run left out because of a desk dismissal (and of nothing else). */
    public long dismissedHits() {
        return dismissedHits.sum();
    }

    /**
     * Editors' verdicts per rule id, for the risk model: how many suppressions name the rule and give a
     * reason saying "false positive".
     */
    public java.util.Map<String, Integer> falsePositivesByRule() {
        return new java.util.TreeMap<>(falsePositives);
    }

    /**
     * @param baseline     a baseline file, or null
     * @param suppressions a suppressions file (JSON, or YAML when named .yml/.yaml), or null
     * @throws IllegalArgumentException naming the file (and line) when one cannot be read
     */
    public static Suppressions load(Path baseline, Path suppressions) {
        Set<String> fps = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        java.util.Map<String, Integer> falsePositives = new java.util.HashMap<>();
        if (baseline != null) {
            BaselineFile b = read(baseline, BaselineFile.class, false);
            if (b == null || b.findings() == null) {
                throw new IllegalArgumentException(baseline + ": not a Calque baseline (no 'findings' list; "
                        + "write one with: calque baseline INPUT... -o " + baseline.getFileName() + ")");
            }
            for (BaselineEntry e : b.findings()) if (e.fingerprint() != null) fps.add(e.fingerprint());
        }
        if (suppressions != null) {
            SuppressionsFile s = read(suppressions, SuppressionsFile.class, true);
            if (s == null || s.suppressions() == null) {
                throw new IllegalArgumentException(suppressions + ": no 'suppressions' list (see docs/ci.md)");
            }
            int i = 0;
            for (Suppression x : s.suppressions()) {
                i++;
                String where = suppressions + ": suppression " + i;
                if (x.reason() == null || x.reason().isBlank()) {
                    throw new IllegalArgumentException(where + " has no 'reason' (say why the finding is not an error)");
                }
                if (x.rule() != null && !x.rule().isBlank()
                        && x.reason().toLowerCase(java.util.Locale.ROOT).replace('-', ' ').contains("false positive")) {
                    falsePositives.merge(x.rule().strip(), 1, Integer::sum);
                }
                if (x.fingerprint() != null && !x.fingerprint().isBlank()) {
                    fps.add(x.fingerprint().strip());
                } else if (x.rule() != null && x.passage() != null) {
                    pairs.add(x.rule() + '\u0000' + x.passage());
                } else {
                    throw new IllegalArgumentException(where + " needs a 'fingerprint', or a 'rule' and a 'passage'");
                }
            }
        }
        return fps.isEmpty() && pairs.isEmpty() ? NONE : new Suppressions(fps, pairs, falsePositives);
    }

    /** The entries of a suppressions file, checked as {@link #load} checks them. */
    public static List<Suppression> entries(Path suppressions) {
        load(null, suppressions);
        return read(suppressions, SuppressionsFile.class, true).suppressions();
    }

    private static <T> T read(Path f, Class<T> type, boolean strict) {
        String name = f.getFileName().toString();
        ObjectMapper m = name.endsWith(".yml") || name.endsWith(".yaml") ? new ObjectMapper(dev.calque.untrusted.UntrustedYaml.factory())
                : new ObjectMapper();
        if (strict) m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return m.readValue(f.toFile(), type);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(f + line(e) + ": unknown key '" + e.getPropertyName() + "' (known keys: "
                    + e.getKnownPropertyIds() + ")");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(f + line(e) + ": " + dev.calque.untrusted.UntrustedYaml.reason(e));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IllegalArgumentException(f + ": file not found");
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ": cannot read: " + e.getMessage());
        }
    }

    private static String line(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : ":" + e.getLocation().getLineNr();
    }

    public boolean isEmpty() {
        return fingerprints.isEmpty() && rulePassages.isEmpty() && dismissedFingerprints.isEmpty()
                && dismissedRulePassages.isEmpty();
    }

    /** Whether a run leaves this finding out; desk dismissals that decide it are counted ({@link #dismissedHits}). */
    public boolean accepts(Finding f, String fingerprint) {
        if (matches(fingerprints, rulePassages, f.rule(), f.passage(), fingerprint)) return true;
        if (matches(dismissedFingerprints, dismissedRulePassages, f.rule(), f.passage(), fingerprint)) {
            dismissedHits.increment();
            return true;
        }
        return false;
    }

    /** The same test for a finding read back from a JSON report ({@code calque rules stats}). */
    public boolean accepts(String rule, String passage, String fingerprint) {
        return matches(fingerprints, rulePassages, rule, passage, fingerprint)
                || matches(dismissedFingerprints, dismissedRulePassages, rule, passage, fingerprint);
    }

    private static boolean matches(Set<String> fps, Set<String> pairs, String rule, String passage, String fingerprint) {
        return (fingerprint != null && fps.contains(fingerprint)) || pairs.contains(rule + '\u0000' + passage);
    }
}
