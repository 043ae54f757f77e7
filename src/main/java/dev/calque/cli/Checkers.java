package dev.calque.cli;

import dev.calque.check.Checker;
import dev.calque.rules.RuleInfo;
import java.util.HashSet;
import java.util.Set;

/**
 * The one way to build a {@link Checker} from {@link Settings}: every command (and the server) calls
 * this, so {@code check}, {@code eval}, {@code rules}, {@code bench} and {@code baseline} run the same
 * rules with the same options for the same {@code calque.yml}.
 */
public final class Checkers {
    private Checkers() {
    }

    /**
     * Calque as configured: its rule folders, LanguageTool's stock rules unless switched off, rule ids
     * disabled, severities overridden.
     *
     * @throws dev.calque.rules.RuleFileException when a rule file cannot be loaded
     * @throws UsageError                         for a severity given to a rule id no rule has
     * @throws IllegalArgumentException           for an unknown language code
     */
    public static Checker from(Settings s) {
        Checker checker = build(s, s.stockRules());
        checkRuleIds(s, checker);
        return checker;
    }

    /**
     * Calque's rules alone, stock rules off, as {@code rules test} runs their examples (severities
     * given to stock rule ids are not checked: those rules are not loaded).
     */
    public static Checker rulesOnly(Settings s) {
        return build(s, false);
    }

    private static Checker build(Settings s, boolean stockRules) {
        Checker.Builder b = Checker.builder().target(s.target()).source(s.source()).rules(s.ruleDirs())
                .stockRules(stockRules).disable(s.disabled());
        s.severities().forEach(b::severity);
        return b.build();
    }

    /**
     * Stock LanguageTool alone, for comparison: no Calque rules and none of the packs' settings for stock
     * rules (switched-off rules, capitalized words) — the packs only give its findings their MQM labels.
     */
    public static Checker languageToolOnly(Settings s) {
        return Checker.builder().target(s.target()).source(s.source()).rules(s.ruleDirs()).calqueRules(false).build();
    }

    /**
     * Rule ids given a severity must exist, or a typo would silently do nothing. (Ids under
     * {@code rules.disable} cannot all be checked: a disabled stock rule is no longer listed.)
     */
    private static void checkRuleIds(Settings s, Checker checker) {
        if (s.config().rules.severity.isEmpty()) return;
        Set<String> known = new HashSet<>();
        for (RuleInfo i : checker.rules().infos()) known.add(i.id());
        for (RuleInfo i : checker.stockRuleInfos()) known.add(i.id());
        s.config().rules.severity.forEach((id, v) -> {
            if (!known.contains(id) && !s.disabled().contains(id)) {
                throw s.config().error(v, "rules.severity: unknown rule id '" + id + "'", "see: calque rules list --stock");
            }
        });
    }
}
