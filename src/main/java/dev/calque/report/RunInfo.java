package dev.calque.report;

import dev.calque.rules.RuleInfo;
import dev.calque.score.MqmScoring;
import dev.calque.score.QualityGate;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What every writer knows before the first article: versions, languages, rules, scoring and gate.
 *
 * @param rules    Calque's rules (stock LanguageTool rules are described as they appear, via {@code describe})
 * @param describe metadata for any rule id that can appear in a finding
 */
public record RunInfo(String calqueVersion, String languageToolVersion, String target, String source,
                      String rulePackHash, List<RuleInfo> rules, Function<String, RuleInfo> describe,
                      MqmScoring scoring, QualityGate gate, Instant started) {
}
