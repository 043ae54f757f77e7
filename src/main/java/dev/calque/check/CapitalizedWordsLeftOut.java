package dev.calque.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import dev.calque.rules.StockPolicy;
import org.languagetool.AnalyzedSentence;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;

/**
 * A stock sentence-level rule that the policy ({@link StockPolicy#ignores}, {@code ignoreCapitalized})
 * keeps quiet on capitalized words: in news, overwhelmingly names the speller's dictionary does not
 * know, which Calque's own name rules deal with. The policy's matches are dropped here, where the rule
 * makes them, before LanguageTool computes their suggestions (a search through the dictionary for each
 * unknown name): about a tenth to a quarter of the processor time of a check of news text. The matches
 * it keeps are the stock rule's own, reported under the stock rule's id.
 *
 * <p>Checked beside an original ({@link SourceWords}), the original decides about capitalized words
 * instead: one it has (a name, term or code copied verbatim) is left alone, and one it lacks is reported,
 * since a name the original does not write is a garbled or mistransliterated one. Lower-case words are
 * reported as without the original: one the original has is a word left untranslated.
 */
final class CapitalizedWordsLeftOut extends Rule {
    private final Rule speller;
    private final StockPolicy policy;

    CapitalizedWordsLeftOut(Rule speller, StockPolicy policy) {
        this.speller = speller;
        this.policy = policy;
        setCategory(speller.getCategory());
        setLocQualityIssueType(speller.getLocQualityIssueType());
    }

    /** The stock rule it runs. */
    Rule speller() {
        return speller;
    }

    @Override
    public String getId() {
        return "CALQUE_" + speller.getId(); // its own id: the stock rule it wraps is switched off in LanguageTool
    }

    @Override
    public String getDescription() {
        return speller.getDescription();
    }

    @Override
    public boolean isDictionaryBasedSpellingRule() {
        return speller.isDictionaryBasedSpellingRule();
    }

    @Override
    public int estimateContextForSureMatch() {
        return speller.estimateContextForSureMatch();
    }

    @Override
    public RuleMatch[] match(AnalyzedSentence sentence) throws IOException {
        RuleMatch[] all = speller.match(sentence);
        String text = sentence.getText();
        List<RuleMatch> kept = new ArrayList<>(all.length);
        for (RuleMatch m : all) {
            int from = Math.max(0, Math.min(m.getFromPos(), text.length()));
            int to = Math.max(from, Math.min(m.getToPos(), text.length()));
            String word = text.substring(from, to);
            SourceWords source = SourceWords.current();
            // the original decides about capitalized words only: a lower-case word the English dictionary
            // lacks and the original has is an untranslated word copied over ("flamandisation"), an error
            boolean capitalized = !word.isEmpty() && Character.isUpperCase(word.charAt(0));
            if (source != null && capitalized ? !source.has(word) : !policy.ignores(speller.getId(), word)) {
                kept.add(rehome(m, source));
            }
        }
        return kept.toArray(RuleMatch[]::new);
    }

    /**
     * The same match, made by this rule: LanguageTool drops the matches of a switched-off rule, and the
     * stock rule is switched off in favour of this one. Every field is copied as LanguageTool's own
     * copy constructor does; the suggestions stay lazy, computed by the stock rule when asked for.
     * {@link Checker} reports the match under the stock rule ({@link #speller()}).
     */
    private RuleMatch rehome(RuleMatch m, SourceWords source) {
        String word = m.getSentence() == null ? "" : m.getSentence().getText().substring(
                Math.max(0, Math.min(m.getFromPos(), m.getSentence().getText().length())),
                Math.max(0, Math.min(m.getToPos(), m.getSentence().getText().length())));
        String message = source == null || word.isEmpty() || !Character.isUpperCase(word.charAt(0)) ? m.getMessage()
                : m.getMessage() + " The original does not have this name: garbled or transliterated differently?";
        RuleMatch r = new RuleMatch(this, m.getSentence(), m.getFromPos(), m.getToPos(), m.getPatternFromPos(),
                m.getPatternToPos(), message, m.getShortMessage());
        r.setLazySuggestedReplacements(m::getSuggestedReplacementObjects);
        r.setAutoCorrect(m.isAutoCorrect());
        r.setFeatures(m.getFeatures());
        r.setUrl(m.getUrl());
        r.setType(m.getType());
        r.setLine(m.getLine());
        r.setEndLine(m.getEndLine());
        r.setColumn(m.getColumn());
        r.setEndColumn(m.getEndColumn());
        r.setSpecificRuleId(m.getSpecificRuleId());
        r.setOriginalErrorStr(m.getOriginalErrorStr());
        r.setSentencePosition(m.getFromPosSentence(), m.getToPosSentence());
        return r;
    }
}
