package dev.calque.check;

import dev.calque.model.Finding;
import dev.calque.rules.StockPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.languagetool.AnalyzedSentence;
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;

/**
 * Another English variety's spellings are reported only where the text mixes varieties. The en-US speller
 * says "'favour' is British English"; a consistently British text is the writer's choice (professional
 * human translations of news are British throughout), but en-US text with a few British words is an
 * artifact of MT. So an article with such findings is also read by the speller of the other variety
 * ({@code mixedVariants} in {@code rules/en/languagetool.yml}, en-GB for the en-US speller: its message
 * "'color' is American English" marks a word of the en-US speller's own variety); when the article
 * writes enough of those ({@link StockPolicy#keepsMixed}), its British spellings are reported, saying
 * so. Capitalized words count on neither side (names: "World Trade Center"). It runs only on articles
 * that have another variety's spelling, so the second speller costs nothing elsewhere.
 */
final class MixedVariants {
    private static final int EXAMPLES = 3;

    /** One other-variety speller per language, shared (its matching is synchronized on it). */
    private static final Map<String, Rule> SPELLERS = new ConcurrentHashMap<>();

    private MixedVariants() {
    }

    /**
     * The findings of {@code variants} (one speller's matches on another variety's spellings) to report:
     * none unless the text mixes varieties, then all, their message naming the text's other spellings.
     */
    static List<Finding> kept(List<Finding> variants, String text, JLanguageTool lt, StockPolicy policy) {
        String ruleId = variants.get(0).rule();
        String code = policy.mixedVariantsChecker(ruleId);
        if (code == null) return List.of();
        Rule other = SPELLERS.computeIfAbsent(code, c -> Languages.getLanguageForShortCode(c).getDefaultSpellingRule());
        if (other == null) return List.of();
        Set<String> own = new LinkedHashSet<>();
        int ownCount = 0;
        String variety = null;
        try {
            for (int[] piece : Pieces.of(text)) {
                String part = piece[0] == 0 && piece[1] == text.length() ? text : text.substring(piece[0], piece[1]);
                for (AnalyzedSentence s : lt.analyzeText(part)) {
                    RuleMatch[] matches;
                    synchronized (other) {
                        matches = other.match(s);
                    }
                    String st = s.getText();
                    for (RuleMatch m : matches) {
                        int from = Math.max(0, Math.min(m.getFromPos(), st.length()));
                        int to = Math.max(from, Math.min(m.getToPos(), st.length()));
                        String word = st.substring(from, to);
                        if (word.isEmpty() || Character.isUpperCase(word.charAt(0))) continue;
                        if (!StockPolicy.isOtherVariant(m.getMessage())) continue;
                        ownCount++;
                        if (variety == null) variety = StockPolicy.variety(m.getMessage());
                        own.add(word);
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!policy.keepsMixed(ownCount, variants.size())) return List.of();
        String examples = own.stream().limit(EXAMPLES).map(w -> "'" + w + "'").reduce((a, b) -> a + ", " + b).orElse("");
        List<Finding> out = new ArrayList<>(variants.size());
        for (Finding f : variants) {
            out.add(f.withMessage(f.message().strip() + " This text elsewhere writes " + variety
                    + " spellings (" + examples + "): it mixes varieties of English."));
        }
        return out;
    }
}
