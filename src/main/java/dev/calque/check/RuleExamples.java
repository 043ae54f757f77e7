package dev.calque.check;

import dev.calque.model.BilingualFile;
import dev.calque.ingest.bilingual.BilingualSniffer;
import dev.calque.ingest.bilingual.BilingualReader;
import dev.calque.model.BilingualSegment;
import dev.calque.model.Finding;
import dev.calque.rules.RuleExample;
import dev.calque.rules.bilingual.BilingualExample;
import dev.calque.rules.bilingual.BilingualRule;
import dev.calque.rules.bilingual.Glossary;
import dev.calque.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every example every Calque rule carries, as LanguageTool's own rule tests do: a flagged
 * example must produce exactly its marked span from that rule (with the expected correction among
 * the suggestions), the text with the suggestion applied must leave the rule quiet there, a clean
 * example must produce nothing from it, and every rule needs at least one of each. Rules the checker
 * has switched off ({@link Checker#disabled}) never run and are not tested. Backs both the build's
 * test (one test per example) and {@code calque rules test}.
 */
public final class RuleExamples {
    private RuleExamples() {
    }

    /** One failed expectation, phrased for the tuner who wrote the rule. */
    public record Failure(RuleInfo rule, String example, String problem) {
        public String oneLine() {
            return rule.source() + ": " + rule.id() + ": " + problem + (example.isEmpty() ? "" : ": " + example);
        }
    }

    /** Result of a run: how many examples were checked and what failed. */
    public record Report(int rules, int examples, List<Failure> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /**
     * One thing to verify about one rule: one of its examples, or (with a null example) that it has
     * examples of both sorts.
     */
    public record Case(RuleInfo rule, RuleExample example) {
        /** A name for the test: the rule and the example. */
        public String name() {
            if (example == null) return rule.id() + " has a flagged and a clean example";
            return rule.id() + (example.flagged() ? " flags: " : " leaves alone: ") + example.marked();
        }

        /** What is wrong, empty when the case holds. */
        public List<Failure> verify(Checker checker) {
            try {
                return example == null ? verifyRule() : verifyExample(checker);
            } catch (Checker.TimeLimitExceeded e) {
                return List.of(new Failure(rule, example.marked(), "checking this example took more than "
                        + Checker.EXAMPLE_LIMIT.toSeconds() + " s of processor time (does the rule's expression backtrack?)"));
            }
        }

        private List<Failure> verifyRule() {
            List<Failure> failures = new ArrayList<>();
            long flagged = rule.examples().stream().filter(RuleExample::flagged).count();
            if (flagged == 0) failures.add(new Failure(rule, "", "has no example it must flag"));
            if (flagged == rule.examples().size()) failures.add(new Failure(rule, "", "has no example it must leave alone"));
            return failures;
        }

        private List<Failure> verifyExample(Checker checker) {
            RuleExample ex = example;
            List<Finding> found = checker.checkOnly(rule.id(), ex.text());
            if (!ex.flagged()) {
                return found.isEmpty() ? List.of()
                        : List.of(new Failure(rule, ex.marked(), "clean example flagged at " + describe(found)));
            }
            int[] span = ex.span();
            if (span == null) return List.of(new Failure(rule, ex.marked(), "flagged example has no <marker>"));
            List<Finding> atSpan = found.stream().filter(f -> f.start() == span[0] && f.end() == span[1]).toList();
            if (atSpan.isEmpty()) {
                return List.of(new Failure(rule, ex.marked(), found.isEmpty() ? "not flagged"
                        : "flagged " + describe(found) + " instead of the marked span"));
            }
            String applied = null;
            if (ex.correction() != null && !ex.correction().isEmpty()) {
                List<String> wanted = List.of(ex.correction().split("\\|"));
                if (atSpan.stream().noneMatch(f -> f.suggestions().containsAll(wanted))) {
                    return List.of(new Failure(rule, ex.marked(), "does not suggest “" + ex.correction()
                            + "” (suggests " + describeSuggestions(found) + ")"));
                }
                applied = wanted.get(0);
            }
            if (applied == null) return List.of();
            // the corrected sentence must satisfy the rule: no finding of it left on the corrected passage
            String text = ex.text();
            String corrected = text.substring(0, span[0]) + applied + text.substring(span[1]);
            int end = span[0] + applied.length();
            List<Finding> after = checker.checkOnly(rule.id(), corrected).stream()
                    .filter(f -> f.start() < Math.max(end, span[0] + 1) && f.end() > span[0]).toList();
            return after.isEmpty() ? List.of() : List.of(new Failure(rule, ex.marked(),
                    "still flags the corrected text “" + corrected + "” at " + describe(after)));
        }
    }

    /** Every case of every rule the checker runs, rule by rule in load order. */
    public static List<Case> cases(Checker checker) {
        List<Case> cases = new ArrayList<>();
        for (RuleInfo rule : checker.rules().infos()) {
            if (checker.disabled(rule.id())) continue; // switched off by configuration: it never runs
            cases.add(new Case(rule, null));
            for (RuleExample ex : rule.examples()) cases.add(new Case(rule, ex));
        }
        return cases;
    }

    /** @param checker a checker with stock rules off, so only Calque's rules answer */
    public static Report run(Checker checker) {
        List<Failure> failures = new ArrayList<>();
        int examples = 0;
        int rules = 0;
        for (Case c : cases(checker)) {
            if (c.example() == null) rules++;
            else examples++;
            failures.addAll(c.verify(checker));
        }
        for (dev.calque.bilingual.SourceRule r : checker.sourceRules().rules()) {
            RuleInfo rule = r.info();
            if (checker.disabled(rule.id())) continue;
            rules++;
            for (dev.calque.bilingual.SourceRule.SourceExample sx : r.examples()) {
                examples++;
                RuleExample ex = sx.target();
                dev.calque.bilingual.BilingualArticle b = dev.calque.bilingual.BilingualArticle.of(
                        dev.calque.model.Article.ofText("example", ex.text()),
                        dev.calque.bilingual.Original.of("example (original)", "fr", sx.source()));
                List<Finding> found = checker.checkOnly(rule.id(), b);
                if (ex.flagged()) {
                    int[] span = ex.span();
                    if (span == null) {
                        failures.add(new Failure(rule, ex.marked(), "flagged example has no <marker>"));
                    } else if (found.stream().noneMatch(f -> f.start() == span[0] && f.end() == span[1])) {
                        failures.add(new Failure(rule, ex.marked(), found.isEmpty() ? "not flagged"
                                : "flagged " + describe(found) + " instead of the marked span"));
                    } else if (ex.correction() != null && found.stream().noneMatch(f -> f.suggestions().contains(ex.correction()))) {
                        failures.add(new Failure(rule, ex.marked(), "does not suggest “" + ex.correction() + "”"));
                    }
                } else if (!found.isEmpty()) {
                    failures.add(new Failure(rule, ex.marked(), "clean example flagged at " + describe(found)));
                }
            }
        }
        for (BilingualRule rule : checker.bilingualRules()) {
            rules++;
            examples += runBilingual(checker, rule, failures);
        }
        return new Report(rules, examples, failures);
    }

    /** A bilingual rule's examples: each original and translation read as an XLIFF 2 segment, as a real file would be. */
    private static int runBilingual(Checker checker, BilingualRule rule, List<Failure> failures) {
        RuleInfo info = rule.info();
        long flagged = rule.examples().stream().filter(BilingualExample::flagged).count();
        if (flagged == 0) failures.add(new Failure(info, "", "has no example it must flag"));
        if (flagged == rule.examples().size()) failures.add(new Failure(info, "", "has no example it must leave alone"));
        for (BilingualExample ex : rule.examples()) {
            BilingualSegment segment;
            try {
                segment = exampleSegment(ex);
            } catch (dev.calque.ingest.bilingual.BilingualFileException e) {
                failures.add(new Failure(info, ex.marked(), "example is not valid XLIFF 2 inline markup: " + e.getMessage()));
                continue;
            }
            Glossary glossary = ex.glossary() == null ? Glossary.EMPTY : Glossary.ofRow(ex.glossary());
            List<Finding> found = checker.checkSegmentOnly(info.id(), segment, glossary);
            if (ex.flagged()) {
                int[] span = ex.span();
                if (span == null) {
                    failures.add(new Failure(info, ex.marked(), "flagged example has no <marker>"));
                } else if (found.stream().noneMatch(f -> f.start() == span[0] && f.end() == span[1])) {
                    failures.add(new Failure(info, ex.marked(), found.isEmpty() ? "not flagged"
                            : "flagged " + describe(found) + " instead of the marked span"));
                } else if (ex.correction() != null && !ex.correction().isEmpty()) {
                    List<String> wanted = List.of(ex.correction().split("\\|"));
                    if (found.stream().noneMatch(f -> f.suggestions().containsAll(wanted))) {
                        failures.add(new Failure(info, ex.marked(), "does not suggest “" + ex.correction()
                                + "” (suggests " + describeSuggestions(found) + ")"));
                    }
                }
            } else if (!found.isEmpty()) {
                failures.add(new Failure(info, ex.marked(), "clean example flagged at " + describe(found)));
            }
        }
        return rule.examples().size();
    }

    static BilingualSegment exampleSegment(BilingualExample ex) throws dev.calque.ingest.bilingual.BilingualFileException {
        String xliff = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"fr\" trgLang=\"en\">"
                + "<file id=\"f\"><unit id=\"example\"><segment><source>" + ex.source() + "</source><target>"
                + ex.target() + "</target></segment></unit></file></xliff>";
        byte[] bytes = xliff.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        BilingualFile file = BilingualReader.read(BilingualSniffer.sniff(bytes, "example.xlf"), bytes, "fr", "en");
        return file.segments().get(0);
    }

    private static String describe(List<Finding> found) {
        return found.stream().map(f -> "“" + f.passage() + "” [" + f.start() + "," + f.end() + ")").toList().toString();
    }

    private static String describeSuggestions(List<Finding> found) {
        return found.stream().flatMap(f -> f.suggestions().stream()).toList().toString();
    }
}
