package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.cli.CliRun;
import dev.calque.cli.Main;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule packs, tables and glossaries from a pull request, round seven: what NestedRepetition cannot see
 * (polynomial backtracking in an XML rule, which LanguageTool cannot stop mid-match), a rule table and a
 * glossary too large for the heap, a glossary of 150,000 terms against the deadline, and YAML shapes
 * whose reasons quoted Jackson. Each is one line naming the file; the run is never held.
 */
class RuleFileLimitsTest {
    @TempDir
    Path dir;

    static final String XML_RULE = "<?xml version=\"1.0\"?>\n<rules lang=\"en\"><category id=\"C\" name=\"c\" mqm=\"Style/Unidiomatic\""
            + " severity=\"minor\"><rule id=\"SLOW\" name=\"n\">%s<message>m</message><example correction=\"\">We saw"
            + " <marker>ab1</marker> here.</example><example>Nothing here.</example></rule></category></rules>\n";

    private Path pack(String name, String file, String text) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve(file), text);
        return d;
    }

    private Path article() throws Exception {
        // the sentence that held the run for good before: 300 letters that six repetitions of a letter class share out
        return Files.writeString(dir.resolve("a.txt"), "We saw " + "a".repeat(300) + "c here yesterday.\n");
    }

    @Test
    @Timeout(120)
    void polynomialExpressionsInXmlRulesAreRefusedAtLoad() throws Exception {
        Path text = article();
        for (String shape : List.of("<pattern><token regexp=\"yes\">[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*\\d</token></pattern>",
                "<regexp>\\w*\\w*\\w*\\w*\\w*\\w*\\d</regexp>", "<regexp>.*.*.*=.*</regexp>")) {
            Path rules = pack("x" + Math.abs(shape.hashCode()), "slow.xml", String.format(XML_RULE, shape));
            // before: the sentence expression ran over 100 s on the article, --timeout 10 unheard, the other inputs waiting
            CliRun run = CliRun.of("check", "--rules", rules.toString(), "--timeout", "10", text.toString());
            assertThat(run.exit()).as(shape).isEqualTo(Main.USAGE);
            assertThat(run.err().strip()).as(shape).startsWith("calque: " + rules.resolve("slow.xml") + ":2: rule SLOW: regular expression")
                    .contains("takes more than quadratic time on long input").doesNotContain("\n");
        }
    }

    @Test
    @Timeout(120)
    void expressionsSlowOnlyOnAMixedRunAreRefusedAtLoad() throws Exception {
        // round eight: every run of one character fails these at once ('a' never completes an "ab", a "b"
        // never starts one), so round seven's probes passed them; on "abab…" they backtrack polynomially
        for (String shape : List.of("<pattern><token regexp=\"yes\">(?:ab)*(?:ab)*(?:ab)*(?:ab)*(?:ab)*c</token></pattern>",
                "<regexp>(?:xy)*(?:xy)*(?:xy)*(?:xy)*(?:xy)*z</regexp>")) {
            Path rules = pack("m" + Math.abs(shape.hashCode()), "slow.xml", String.format(XML_RULE, shape));
            CliRun run = CliRun.of("check", "--rules", rules.toString(), "--timeout", "10", article().toString());
            assertThat(run.exit()).as(shape).isEqualTo(Main.USAGE);
            assertThat(run.err().strip()).as(shape).startsWith("calque: " + rules.resolve("slow.xml") + ":2: rule SLOW: regular expression")
                    .contains("takes more than quadratic time on long input").doesNotContain("\n");
        }
    }

    @Test
    void noExpressionOfLanguageToolsOwnEnglishRulesIsRefused() throws Exception {
        // real rules nobody here wrote: 12,700 token and sentence expressions of LanguageTool's English grammar and style
        List<String[]> found = new ArrayList<>();
        for (String res : List.of("/org/languagetool/rules/en/grammar.xml", "/org/languagetool/rules/en/style.xml")) {
            try (InputStream in = getClass().getResourceAsStream(res)) {
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("<token[^>]*regexp=\"yes\"[^>]*>([^<]*)</token>|<regexp[^>]*>([^<]*)</regexp>").matcher(xml);
                while (m.find()) {
                    boolean sentence = m.group(2) != null;
                    String re = (sentence ? m.group(2) : m.group(1)).strip().replace("&lt;", "<").replace("&gt;", ">")
                            .replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
                    found.add(new String[] {re, Boolean.toString(sentence)});
                }
            }
        }
        assertThat(found).hasSizeGreaterThan(10_000);
        List<String> refused = new ArrayList<>();
        for (String[] f : found) {
            String why = dev.calque.rules.RegexCostAccess.superQuadratic(f[0], Boolean.parseBoolean(f[1]));
            if (why != null) refused.add(f[0] + ": " + why);
        }
        assertThat(refused).isEmpty();
    }

    @Test
    void aRepeatedAlternationThatOverflowsTheStackIsThatArticlesOneLine() throws Exception {
        Path rules = pack("alt", "alt.yml", "rules:\n  - id: ALT_STAR\n    name: n\n    kind: regex\n    category: Style/Unidiomatic\n"
                + "    severity: minor\n    pattern: \"(?:(?:(?:(?:x |y )|(?:w |v ))|u )|t )+z\"\n    message: m\n    examples:\n"
                + "      - flag: \"He said <marker>x y z</marker> twice.\"\n      - clean: \"He said nothing twice.\"\n");
        // 1,400 repeats on one line: the checker cuts longer runs into pieces (Pieces), so the rule must recurse
        // deeply within one sentence of under 3,000 characters to overflow
        Path run20k = Files.writeString(dir.resolve("run.txt"), "The talks resumed. " + "x ".repeat(1_400) + "q is a word.\n");
        Path seed = Files.copy(Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt"), dir.resolve("seed.txt"));
        CliRun run = CliRun.of("check", "--rules", rules.toString(), "-f", "json", "-o", dir.resolve("o.json").toString(),
                run20k.toString(), seed.toString());
        // before: "checking failed: StackOverflowError"
        assertThat(run.err()).contains("calque: " + run20k + ": checking failed: a rule's regular expression recursed too deeply")
                .doesNotContain("StackOverflowError");
        assertThat(run.exit()).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(Files.readString(dir.resolve("o.json"))).contains(seed.toString());
    }

    @Test
    @Timeout(120)
    void rulesTestStopsAnExampleThatBacktracksForEver() throws Exception {
        // CI runs `calque rules test` on a pull request's rules: its own example made the rule backtrack for ever
        Path rules = pack("evil-example", "evil.yml", "rules:\n  - id: EVIL_EX\n    name: n\n    kind: regex\n"
                + "    category: Style/Unidiomatic\n    severity: minor\n    pattern: \"(.*a){14}$\"\n    message: m\n"
                + "    examples:\n      - flag: \"<marker>" + "a".repeat(62) + "</marker>b\"\n      - clean: \"He said nothing twice.\"\n");
        CliRun run = CliRun.of("rules", "test", "--rules", rules.toString());
        assertThat(run.exit()).isNotZero();
        assertThat(run.out()).contains("FAIL " + rules.resolve("evil.yml") + ": EVIL_EX: checking this example took more than 10 s"
                + " of processor time (does the rule's expression backtrack?)");
        assertThat(run.out()).containsPattern("\\d+ rules, \\d+ examples: \\d+ passed, 1 failed");
    }

    @Test
    void aRuleTableTooLargeForTheHeapIsRefusedAtLoad() throws Exception {
        Path rules = pack("big-table", "big.yml", "rules:\n  - id: BIG\n    name: n\n    kind: substitution\n"
                + "    category: Style/Unidiomatic\n    severity: minor\n    message: \"m {suggestion}\"\n    table: big.tsv\n"
                + "    examples:\n      - flag: \"He said <marker>zzq1</marker> twice.\"\n        correction: b\n"
                + "      - clean: \"He said nothing twice.\"\n");
        try (BufferedWriter w = Files.newBufferedWriter(rules.resolve("big.tsv"))) {
            for (int i = 0; i < 450_000; i++) w.write("zzq" + i + "\tb\n"); // 5 MB (64 MB filled a 1 GB heap before)
        }
        CliRun run = CliRun.of("check", "--rules", rules.toString(), article().toString());
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err().strip()).isEqualTo("calque: " + rules.resolve("big.yml") + ": rule BIG: table big.tsv is larger than 4 MB"
                + " (the largest bundled table is 7 KB); not read");
    }

    @Test
    @Timeout(300)
    void aGlossaryOfManyTermsStopsAtTheDeadlineAndAHugeOneIsRefused() throws Exception {
        Path glossary = dir.resolve("terms.tsv");
        try (BufferedWriter w = Files.newBufferedWriter(glossary)) {
            for (int i = 0; i < 150_000; i++) w.write("terme" + i + "\tterm" + i + "\tbad" + i + "\tnote\n");
        }
        Path xliff = Files.copy(Path.of("src/test/resources/bilingual/seed.fr-en.xlf"), dir.resolve("seed.xlf"));
        Path seed = Files.copy(Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt"), dir.resolve("seed.txt"));
        // before: the deadline was polled between rules only; 400,000 terms overran --timeout 5 by 70 s
        CliRun run = CliRun.of("check", "--timeout", "1", "--glossary", glossary.toString(), "-f", "json", "-o",
                dir.resolve("out.json").toString(), xliff.toString(), seed.toString());
        assertThat(run.exit()).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(run.err()).contains("calque: " + xliff + ": checking took more than the limit of 1 s of processor time");
        assertThat(Files.readString(dir.resolve("out.json"))).contains(seed.toString());

        try (BufferedWriter w = Files.newBufferedWriter(glossary, java.nio.file.StandardOpenOption.APPEND)) {
            for (int i = 0; i < 1_100_000; i++) w.write("terme" + i + "\tterm" + i + "\tbad" + i + "\tnote\n");
        }
        assertThat(Files.size(glossary)).isGreaterThan(32L << 20);
        CliRun huge = CliRun.of("check", "--glossary", glossary.toString(), xliff.toString());
        assertThat(huge.exit()).isEqualTo(Main.USAGE);
        assertThat(huge.err().strip()).isEqualTo("calque: " + glossary + ": the glossary is larger than 32 MB; not read");
    }

    @Test
    void yamlShapesAndLimitsAreSaidInPlainWords() throws Exception {
        Path deep = pack("deep", "deep.yml", "rules: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
        Path mapping = pack("mapping", "map.yml", "rules: " + "{a: ".repeat(30) + "1" + "}".repeat(30) + "\n");
        for (Path rules : List.of(deep, mapping)) {
            CliRun run = CliRun.of("check", "--rules", rules.toString(), article().toString());
            assertThat(run.exit()).isEqualTo(Main.USAGE);
            assertThat(run.err()).startsWith("calque: " + rules).doesNotContain("StreamReadConstraints").doesNotContain("JsonNode")
                    .doesNotContain("java.").doesNotContain("`");
        }
        assertThat(CliRun.of("check", "--rules", deep.toString(), article().toString()).err()).contains("nested more than 40 levels deep");
        assertThat(CliRun.of("check", "--rules", mapping.toString(), article().toString()).err()).contains("expected a list here");
    }
}
