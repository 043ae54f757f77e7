package dev.calque.risk;

import dev.calque.model.Finding;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The risk model's inputs, named so that the coefficients file reads: features of one segment (a
 * paragraph of an article, a row of a corpus) from its text, the findings in it and, when given,
 * its source. Counts enter as {@code log(1 + n)}, so one more finding matters less the more there
 * are.
 */
public final class Features {
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’-]*\\p{L}|\\p{L}");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern CAPITALIZED = Pattern.compile("\\b\\p{Lu}[\\p{L}\\p{M}-]{1,}");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z][A-Za-z0-9-]+");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]");
    private static final Pattern PUNCT_ARTIFACT = Pattern.compile(
            " [,.;:!?)]|[(\\[] |([,.;:!?])\\1|[,;:][.!?]|\"\\s*\"|« | »|\\s{2,}");
    /** A sentence end glued to the next word, or a sentence starting in lower case. */
    private static final Pattern SPLIT_ARTIFACT = Pattern.compile("\\p{Ll}[.!?]\\p{Lu}\\p{Ll}|[.!?] \\p{Ll}");

    private Features() {
    }

    /** Words of a text, in order. */
    static List<String> words(String text) {
        List<String> out = new java.util.ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    static double log1p(double n) {
        return Math.log1p(n);
    }

    /**
     * @param text     the segment
     * @param source   its original, or {@code null}
     * @param findings the findings in the segment (their rules' base rates in {@code rates})
     * @param rates    per-rule hit rates (for the noisy-or of the findings)
     * @param ruleIds  rule ids that get a feature of their own (frequent enough in training)
     */
    public static Map<String, Double> segment(String text, String source, List<Finding> findings, RuleRates rates,
                                              Set<String> ruleIds) {
        Map<String, Double> x = new LinkedHashMap<>();
        List<String> words = words(text);
        int n = Math.max(1, words.size());
        int unknown = 0, unknownCap = 0;
        Set<String> unknownCapWords = new HashSet<>();
        Set<String> vocabulary = Vocabulary.bundled();
        int rare = 0, repeated = 0, outside = 0;
        double freq = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String lower = w.toLowerCase(Locale.ROOT);
            int fq = Speller.frequency(lower);
            freq += fq;
            if (fq > 0 && fq < 8) rare++;
            if (lower.length() > 3 && !seen.add(lower)) repeated++;
            if (lower.length() > 1 && !vocabulary.contains(lower)) outside++;
            if (w.length() < 2 || !Speller.unknown(w)) continue;
            if (Character.isUpperCase(w.charAt(0))) {
                unknownCap++;
                unknownCapWords.add(w);
            } else {
                unknown++;
            }
        }
        x.put("log_words", Math.log(n));
        x.put("words_per_100", n / 100.0);
        x.put("unknown_rate", (double) unknown / n);
        x.put("log_unknown", log1p(unknown));
        x.put("log_unknown_capitalized", log1p(unknownCap));
        x.put("out_of_vocabulary_rate", (double) outside / n);
        x.put("log_out_of_vocabulary", log1p(outside));
        x.put("mean_frequency", freq / n);
        x.put("rare_rate", (double) rare / n);
        x.put("log_rare", log1p(rare));
        x.put("log_repeated_words", log1p(repeated));
        x.put("mean_word_length", words.stream().mapToInt(String::length).sum() / (double) n);
        x.put("log_digits", log1p(count(NUMBER, text)));
        x.put("log_punct_artifacts", log1p(count(PUNCT_ARTIFACT, text)));
        x.put("log_split_artifacts", log1p(count(SPLIT_ARTIFACT, text)));
        x.put("no_final_punct", text.strip().matches(".*[.!?\"”’)»:]$") ? 0.0 : 1.0);
        int major = 0;
        double none = 1;
        double best = 0;
        Map<String, Integer> byRule = new LinkedHashMap<>();
        Map<String, Integer> byDim = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.severity().atLeast(dev.calque.model.Severity.MAJOR)) major++;
            double p = rates.rate(f.rule(), f.origin(), f.category());
            none *= 1 - p;
            best = Math.max(best, p);
            byRule.merge(ruleIds.contains(f.rule()) ? f.rule() : "other", 1, Integer::sum);
            byDim.merge(f.dimension(), 1, Integer::sum);
        }
        x.put("log_findings", log1p(findings.size()));
        x.put("log_major_findings", log1p(major));
        x.put("findings_noisy_or", 1 - none);
        x.put("findings_max_rate", best);
        byDim.forEach((d, c) -> x.put("dim:" + d, log1p(c)));
        byRule.forEach((r, c) -> x.put("rule:" + r, log1p(c)));
        if (source != null && !source.isBlank()) sourceFeatures(x, text, source, n, unknownCapWords);
        return x;
    }

    private static void sourceFeatures(Map<String, Double> x, String text, String source, int targetWords,
                                       Set<String> unknownCapWords) {
        boolean cjk = CJK.matcher(source).find();
        double units;
        if (cjk) {
            units = count(CJK, source) / 1.6 + count(LATIN, source); // about 1.6 characters a word in Chinese
        } else {
            units = words(source).size();
        }
        double ratio = Math.log((targetWords + 1.0) / (units + 1.0));
        x.put("src_log_length_ratio", ratio);
        x.put("src_abs_log_length_ratio", Math.abs(ratio));
        x.put("src_cjk", cjk ? 1.0 : 0.0);
        String targetDigits = text.replaceAll("(?<=\\d)[.,  ](?=\\d)", "");
        int missingNumbers = 0;
        Matcher m = NUMBER.matcher(source);
        while (m.find()) {
            String num = m.group().replaceAll("[.,]", "");
            if (!targetDigits.replaceAll("[.,]", "").contains(num)) missingNumbers++;
        }
        x.put("src_log_numbers_missing", log1p(missingNumbers));
        String lowerTarget = text.toLowerCase(Locale.ROOT);
        int missingNames = 0;
        Matcher names = (cjk ? LATIN : CAPITALIZED).matcher(source);
        while (names.find()) {
            int at = names.start();
            if (!cjk && sentenceStart(source, at)) continue;
            String name = names.group();
            if (name.length() < 2) continue;
            if (!lowerTarget.contains(name.toLowerCase(Locale.ROOT))) missingNames++;
        }
        x.put("src_log_names_missing", log1p(missingNames));
        int inSource = 0;
        for (String w : unknownCapWords) if (source.contains(w)) inSource++;
        x.put("src_log_unknown_in_source", log1p(inSource));
        x.put("src_log_unknown_not_in_source", log1p(unknownCapWords.size() - inSource));
    }

    private static boolean sentenceStart(String s, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(s.charAt(i))) i--;
        return i < 0 || ".!?:\"«“".indexOf(s.charAt(i)) >= 0;
    }

    /**
     * Features of one finding for its confidence: its rule's base rate (as a logit), the segment's
     * evidence, and whether a flagged word stands in the source (a name carried over).
     */
    public static Map<String, Double> finding(Finding f, String segmentText, String source, int findingsInSegment,
                                              RuleRates rates) {
        Map<String, Double> x = new LinkedHashMap<>();
        double p = rates.rate(f.rule(), f.origin(), f.category());
        x.put("rule_logit", Math.log(p / (1 - p)));
        x.put("rule_human_ratio", rates.humanRatio(f.rule()));
        boolean speller = f.rule().startsWith("MORFOLOGIK_RULE");
        boolean capitalized = !f.passage().isEmpty() && Character.isUpperCase(f.passage().charAt(0));
        x.put("speller_capitalized", speller && capitalized ? 1.0 : 0.0);
        x.put("log_words", Math.log(Math.max(1, words(segmentText).size())));
        x.put("log_other_findings", log1p(findingsInSegment - 1));
        x.put("major", f.severity().atLeast(dev.calque.model.Severity.MAJOR) ? 1.0 : 0.0);
        if (source != null && !source.isBlank()) {
            boolean inSource = !f.passage().isBlank() && source.toLowerCase(Locale.ROOT)
                    .contains(f.passage().strip().toLowerCase(Locale.ROOT));
            x.put("src_passage_in_source", inSource ? 1.0 : 0.0);
            x.put("src_speller_in_source", speller && inSource ? 1.0 : 0.0);
        }
        return x;
    }

    static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
