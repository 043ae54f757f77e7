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
 * <p>A capitalized word in no name's shape ({@link #misshapen}: broken case, an abbreviation its words do
 * not spell) is reported with or without the original. One that only its sentence's start capitalizes
 * ({@link #byPlaceOnly}) is reported without the original, and beside it when the original never writes
 * it as a name (capitalized inside a sentence): it was left untranslated. Without the original, every
 * capitalized word is reported when the original's language is written in another script, since its
 * names were all transliterated.
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
            } else if ((why = misshapen(word, text, from)) != null) {
                kept.add(rehome(m, why));
            } else if (source != null) {
                // a word the original has but never as a name was left untranslated, capitalized by its place
                if (!source.has(word)) kept.add(rehome(m, NOT_IN_ORIGINAL));
                else if (!source.writesAsName(word) && byPlaceOnly(word, text, from, to)) {
                    kept.add(rehome(m, "The original has it, but not as a name: left untranslated?"));
                }
            } else if (byPlaceOnly(word, text, from, to)) {
                kept.add(rehome(m, "It is capitalized only as the sentence's first word, and the article never "
                        + "writes it as a name."));
            } else if (transliterated) {
                kept.add(rehome(m, "A name rendered from another script: is it spelled as usual in English?"));
            }
        }
        return kept.toArray(RuleMatch[]::new);
    }

    static final String NOT_IN_ORIGINAL = "The original does not have this name: garbled or transliterated differently?";

    /** Why a capitalized word is no name's shape, or null: broken case, or an abbreviation its words do not spell. */
    private static String misshapen(String word, String sentence, int from) {
        if (BROKEN_CASE.matcher(word).find()) return "Broken capitals: no word or name is written so.";
        if (undefinedAbbreviation(word, sentence.substring(0, from))) {
            return "The words before it do not spell this abbreviation: left as in the original?";
        }
        return null;
    }

    /**
     * Whether a word's capital is only its sentence's: its first letter is its only capital (a dateline's
     * "OUAGADOUGOU" or a "CSeries" have capitals of their own), it opens the sentence, no capitalized word
     * follows it (as a surname follows a first name) and the article never writes it with a capital inside
     * a sentence.
     * Such a word is what a lower-case one would be: a typo or a word left untranslated ("Réalimentés, they
     * should..."), where a name at a sentence's start is almost always written inside another one too.
     */
    private static boolean byPlaceOnly(String word, String sentence, int from, int to) {
        ArticleNames names = ArticleNames.current();
        return names != null && word.substring(1).chars().noneMatch(Character::isUpperCase) // not "NATO", "CSeries"
                && ArticleNames.opensSentence(sentence, from)
                && !NAME_GOES_ON.matcher(sentence.substring(to)).find() && !names.writesAsName(word);
    }

    /**
     * Whether an abbreviation in capitals stands in brackets right after words whose initials do not spell
     * it, as when the words were translated and the abbreviation was not ("the Organisation for the
     * Prohibition of Chemical Weapons (OIAC)"). Its letters (before a hyphen) must appear, in order, among
     * the initials of the words before the bracket (at most twice as many words as letters, and two), the last
     * letter on the last word; an abbreviation with too few words before it, or one they spell, is taken for
     * a name.
     */
    static boolean undefinedAbbreviation(String word, String before) {
        String letters = word.split("-", 2)[0];
        if (letters.length() < 2 || !letters.chars().allMatch(Character::isUpperCase)) return false;
        String b = before.stripTrailing();
        if (!b.endsWith("(")) return false;
        java.util.regex.Matcher w = WORD_BEFORE.matcher(b.substring(0, b.length() - 1));
        List<Character> initials = new ArrayList<>();
        while (w.find()) initials.add(Character.toUpperCase(w.group().charAt(0)));
        if (initials.size() < letters.length()) return false; // nothing to compare with
        int i = letters.length() - 1;
        if (initials.get(initials.size() - 1) != letters.charAt(i)) return true;
        int first = Math.max(0, initials.size() - 2 * letters.length() - 2); // "of", "the", "for" between them
        for (int k = initials.size() - 1; k >= first && i >= 0; k--) {
            if (initials.get(k) == letters.charAt(i)) i--;
        }
        return i >= 0;
    }

    private static final java.util.regex.Pattern WORD_BEFORE = java.util.regex.Pattern.compile("\\p{L}[\\p{L}\\p{N}'’]*");

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
