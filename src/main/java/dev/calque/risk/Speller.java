package dev.calque.risk;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.languagetool.rules.en.MorfologikAmericanSpellerRule;

/**
 * LanguageTool's American English dictionary asked word by word (no suggestions computed, which is
 * what makes the spelling rule slow): the risk model's unknown-word features. One speller per
 * thread; the dictionary automata themselves are shared by LanguageTool's cache.
 */
public final class Speller {
    private static final ThreadLocal<MorfologikAmericanSpellerRule> RULE = ThreadLocal.withInitial(() -> {
        try {
            return new MorfologikAmericanSpellerRule(JLanguageTool.getMessageBundle(),
                    Languages.getLanguageForShortCode("en-US"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    private static final ThreadLocal<org.languagetool.rules.spelling.morfologik.MorfologikSpeller> FREQUENCIES =
            ThreadLocal.withInitial(() -> {
                try {
                    return new org.languagetool.rules.spelling.morfologik.MorfologikSpeller("/en/hunspell/en_US.dict");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

    private Speller() {
    }

    /** The dictionary's frequency class of a word (0: unknown or rarest; common words reach the twenties). */
    public static int frequency(String word) {
        return FREQUENCIES.get().getFrequency(word);
    }

    /** Whether the dictionary lacks the word (a word of letters, apostrophes and hyphens). */
    public static boolean unknown(String word) {
        try {
            return RULE.get().isMisspelled(word);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
