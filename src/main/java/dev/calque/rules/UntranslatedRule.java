package dev.calque.rules;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.languagetool.AnalyzedSentence;
import org.languagetool.AnalyzedToken;
import org.languagetool.AnalyzedTokenReadings;

/**
 * Source-language text left in the translation: a run of words the English tagger does not know,
 * or a whole sentence of them, that the language detector (Optimaize, the one Tika uses) confirms
 * as the source language.
 */
public final class UntranslatedRule extends TextRule {
    /** Languages the detector chooses among: the source, English, and neighbours it could be confused with. */
    private static final List<String> PROFILES = List.of("en", "fr", "es", "it", "pt", "de", "nl", "ro", "ca");

    /**
     * The {@code untranslated} kind.
     *
     * @param language      the source language the detector must confirm (default {@code fr})
     * @param minWords      the shortest run flagged, in words (default 3)
     * @param minConfidence the detector's confidence required (default 0.9)
     */
    public record Keys(String language, Integer minWords, Double minConfidence) {
    }

    /** The kind, as {@link RuleKinds} registers it. */
    static final RuleKind<Keys> KIND = RuleKind.of("untranslated", Keys.class, UntranslatedRule::build);

    /** Decodes an {@code untranslated} rule. */
    private static TextRule build(Keys k, RuleDefinition rule) {
        return new UntranslatedRule(rule.info(), k.language() == null ? "fr" : k.language(),
                k.minWords() == null ? 3 : k.minWords(), k.minConfidence() == null ? 0.9 : k.minConfidence(),
                rule.template());
    }

    private final String language;
    private final int minWords;
    private final double minConfidence;
    private final String template;

    UntranslatedRule(RuleInfo info, String language, int minWords, double minConfidence, String template) {
        super(info);
        this.language = language;
        this.minWords = minWords;
        this.minConfidence = minConfidence;
        this.template = template;
    }

    /** Loaded on first use only, from the profiles listed above (a fraction of a second). */
    private static final class Detector {
        static final LanguageDetector INSTANCE = load();

        private static LanguageDetector load() {
            try {
                List<LdLocale> locales = PROFILES.stream().map(LdLocale::fromString).toList();
                List<LanguageProfile> profiles = new LanguageProfileReader().readBuiltIn(locales);
                return LanguageDetectorBuilder.create(NgramExtractors.standard())
                        .withProfiles(profiles).shortTextAlgorithm(50).build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load language profiles", e);
            }
        }
    }

    @Override
    protected List<Hit> find(Doc doc) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < doc.sentences.size(); i++) {
            AnalyzedSentence sentence = doc.sentences.get(i);
            int base = doc.sentenceStarts[i];
            AnalyzedTokenReadings[] tokens = sentence.getTokensWithoutWhitespace();
            // runs of unknown words (names with capitals may sit inside a run, but do not start one)
            int runStart = -1;
            int runEnd = -1;
            int runWords = 0;
            int lowerUnknown = 0;
            for (int k = 1; k <= tokens.length; k++) {
                AnalyzedTokenReadings t = k < tokens.length ? tokens[k] : null;
                boolean word = t != null && isWord(t.getToken());
                boolean foreign = word && unknown(t);
                boolean joiner = t != null && !word && (t.getToken().equals("'") || t.getToken().equals("’")
                        || t.getToken().equals("-"));
                if (foreign && (runStart >= 0 || Character.isLowerCase(t.getToken().charAt(0)))) {
                    if (runStart < 0) runStart = t.getStartPos();
                    runEnd = t.getEndPos();
                    runWords++;
                    if (Character.isLowerCase(t.getToken().charAt(0))) lowerUnknown++;
                } else if (joiner && runStart >= 0) {
                    continue;
                } else {
                    if (runStart >= 0 && runWords >= minWords && lowerUnknown >= 2) {
                        String run = sentence.getText().substring(runStart, runEnd);
                        if (!inQuotedTitle(sentence.getText(), runStart) && isSourceLanguage(run)) {
                            hits.add(new Hit(base + runStart, base + runEnd, fill(template, run, null, null),
                                    List.of()));
                        }
                    }
                    runStart = -1;
                    runWords = 0;
                    lowerUnknown = 0;
                }
            }
        }
        return hits;
    }

    /**
     * Whether a run sits inside a quotation that starts with a capital letter: the French title of a
     * book, show or place that translators keep on purpose ("Lieux de mémoire").
     */
    static boolean inQuotedTitle(String text, int runStart) {
        for (int i = runStart - 1; i >= 0 && runStart - i <= 80; i--) {
            char c = text.charAt(i);
            if (c == '”' || c == '»' || c == '’' && i + 1 < text.length() && !Character.isLetter(text.charAt(i + 1))) return false;
            if (c == '“' || c == '«' || c == '"' || c == '‘' || c == '\'' && (i == 0 || !Character.isLetter(text.charAt(i - 1)))) {
                int k = i + 1;
                while (k < text.length() && Character.isWhitespace(text.charAt(k))) k++;
                return k < text.length() && Character.isUpperCase(text.charAt(k));
            }
        }
        return false;
    }

    private static boolean isWord(String tok) {
        return !tok.isEmpty() && Character.isLetter(tok.charAt(0));
    }

    private static boolean unknown(AnalyzedTokenReadings t) {
        for (AnalyzedToken r : t.getReadings()) {
            String pos = r.getPOSTag();
            if (pos != null && !pos.equals("SENT_END") && !pos.equals("PARA_END") && !pos.equals("FW")) return false;
        }
        return true;
    }

    private boolean isSourceLanguage(String text) {
        for (DetectedLanguage d : Detector.INSTANCE.getProbabilities(text)) {
            if (d.getLocale().getLanguage().equals(language)) return d.getProbability() >= minConfidence;
        }
        return false;
    }
}
