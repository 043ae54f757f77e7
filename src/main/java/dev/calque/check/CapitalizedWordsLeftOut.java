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
 *
 * <p>Without the original, a capitalized word is still reported where nothing marks it as a name
 * ({@link #unnamed}): one only its sentence's start capitalizes, one in broken case, and every one when
 * the original's language is written in another script, since its names were all transliterated.
 */
final class CapitalizedWordsLeftOut extends Rule {
    /** A lower-case letter then two capitals: no English word, name or acronym is written so ("ReSUMEN"). */
    private static final java.util.regex.Pattern BROKEN_CASE = java.util.regex.Pattern.compile("\\p{Ll}\\p{Lu}{2}");
    private static final java.util.regex.Pattern NAME_GOES_ON = java.util.regex.Pattern.compile("^\\s+\\p{Lu}");

    private final Rule speller;
    private final StockPolicy policy;
    private final boolean transliterated;

    /**
     * @param transliterated whether the original is written in another script ({@code transliteratedFrom}):
     *                       every name was then rendered by the translator, and is reported as one the
     *                       original lacks would be
     */
    CapitalizedWordsLeftOut(Rule speller, StockPolicy policy, boolean transliterated) {
        this.speller = speller;
        this.policy = policy;
        this.transliterated = transliterated;
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
            String why = null;
            if (!capitalized || !policy.ignores(speller.getId(), word)) {
                kept.add(rehome(m, null));
            } else if (source != null) {
                if (!source.has(word)) kept.add(rehome(m, NOT_IN_ORIGINAL));
            } else if ((why = unnamed(word, text, from, to)) != null) {
                kept.add(rehome(m, why));
            }
        }
        return kept.toArray(RuleMatch[]::new);
    }

    static final String NOT_IN_ORIGINAL = "The original does not have this name: garbled or transliterated differently?";

    /**
     * Without the original: why a capitalized word is reported all the same, or null when it is taken for a
     * name. Reported are a name rendered from another script (the original cannot have it as written), a
     * word in broken case, and a word whose capital is only its sentence's: it opens the sentence, no
     * capitalized word follows it (as a surname follows a first name) and the article never writes it with a
     * capital inside a sentence; such a word is what a lower-case one would be, a typo or a word left
     * untranslated ("Réalimentés, they should...").
     */
    private String unnamed(String word, String sentence, int from, int to) {
        if (transliterated) return "A name rendered from another script: is it spelled as usual in English?";
        if (BROKEN_CASE.matcher(word).find()) return "Broken capitals: no word or name is written so.";
        ArticleNames names = ArticleNames.current();
        if (names == null || !ArticleNames.opensSentence(sentence, from)
                || NAME_GOES_ON.matcher(sentence.substring(to)).find() || names.writesAsName(word)) return null;
        return "It is capitalized only as the sentence's first word, and the article never writes it as a name.";
    }

    /**
     * The same match, made by this rule: LanguageTool drops the matches of a switched-off rule, and the
     * stock rule is switched off in favour of this one. Every field is copied as LanguageTool's own
     * copy constructor does; the suggestions stay lazy, computed by the stock rule when asked for.
     * {@link Checker} reports the match under the stock rule ({@link #speller()}).
     */
    private RuleMatch rehome(RuleMatch m, String why) {
        String message = why == null ? m.getMessage() : m.getMessage() + " " + why;
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
