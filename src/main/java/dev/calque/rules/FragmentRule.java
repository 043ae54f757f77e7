package dev.calque.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.languagetool.AnalyzedSentence;
import org.languagetool.AnalyzedToken;
import org.languagetool.AnalyzedTokenReadings;

/**
 * A short sentence with no verb, closed by a full stop, standing among other sentences of its
 * paragraph: the debris of a bad sentence split ("... Russian-American talks. January 10 in Geneva.").
 * A sentence that is a paragraph of its own is a headline, caption or dateline and is left alone.
 *
 * <p>English has many nouns that are also verbs ("channel", "date", "Twitter"). In a sentence that follows
 * another in its paragraph, where split debris stands, a base-form or present reading ({@code VB}, {@code VBP})
 * of a word that is also a noun counts as a verb only after a subject or a modal that makes it one ("prices
 * rise", "they channel", "will date"); otherwise "... spoke to Meng. Hong Kong television channel Phoenix TV."
 * would pass as a sentence. A paragraph's first sentence keeps the looser test: there a short nominal
 * sentence is mostly a label or dateline ("Clinical case. Cervical spondylolysis: ..."), not a split.
 *
 * <p>Only a main-clause verb counts: not one inside a subordinate or relative clause that runs to the end of the
 * sentence ("... never met. Katy Perry when she was 18."), nor an infinitive ("... the year. 2012 difficult to
 * predict."). Split debris keeps the clause that followed the cut, and that clause is often subordinate.
 */
public final class FragmentRule extends TextRule {
    /**
     * The {@code fragment} kind.
     *
     * @param maxTokens the longest sentence, in tokens, that counts as a fragment (default 8)
     */
    public record Keys(Integer maxTokens) {
    }

    /** The kind, as {@link RuleKinds} registers it. */
    static final RuleKind<Keys> KIND = RuleKind.generic("fragment", Keys.class, FragmentRule::build);

    /** Decodes a {@code fragment} rule. */
    private static TextRule build(Keys k, RuleDefinition rule) {
        return new FragmentRule(rule.info(), k.maxTokens() == null ? 8 : k.maxTokens(), rule.template());
    }

    /**
     * Words that open a subordinate or relative clause: a verb after one, up to the next comma, semicolon, colon
     * or dash ({@link #CLAUSE_BREAKS}), is the clause's, not the sentence's ("Katy Perry when she was 18.").
     */
    private static final Set<String> SUBORDINATORS = Set.of("when", "whenever", "while", "whilst", "because",
            "although", "though", "if", "unless", "until", "whereas", "who", "whom", "whose", "which", "where");

    /** The punctuation that ends a subordinate clause and may open the main one ("When she was 18, she left."). */
    private static final Set<String> CLAUSE_BREAKS = Set.of(",", ";", ":", "\u2013", "\u2014");

    /** The conjunctions after which a sentence's first verb is the second half of a split one ({@link #isVerb}). */
    private static final Set<String> COORDINATORS = Set.of("and", "or", "but");

    private final int maxTokens;
    private final String template;

    FragmentRule(RuleInfo info, int maxTokens, String template) {
        super(info);
        this.maxTokens = maxTokens;
        this.template = template;
    }

    @Override
    protected List<Hit> find(Doc doc) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < doc.sentences.size(); i++) {
            AnalyzedSentence sentence = doc.sentences.get(i);
            String raw = sentence.getText();
            String trimmed = raw.strip();
            if (!trimmed.endsWith(".") || trimmed.endsWith("..")) continue;
            int start = doc.sentenceStarts[i] + raw.indexOf(trimmed);
            int end = start + trimmed.length();
            if (aloneInParagraph(doc, start, end)) continue;
            if (!Character.isLetterOrDigit(trimmed.charAt(0))) continue; // quotes, lists, bullets
            boolean opening = opensParagraph(doc, start);
            AnalyzedTokenReadings[] tokens = sentence.getTokensWithoutWhitespace();
            int words = 0;
            boolean verb = false;
            boolean subordinate = false;
            AnalyzedTokenReadings previous = null;
            for (int k = 0; k < tokens.length; k++) {
                AnalyzedTokenReadings t = tokens[k];
                if (t.isSentenceStart()) continue;
                String tok = t.getToken();
                if (CLAUSE_BREAKS.contains(tok)) subordinate = false;
                if (tok.isEmpty() || !Character.isLetterOrDigit(tok.charAt(0))) continue;
                words++;
                if (SUBORDINATORS.contains(tok.toLowerCase(Locale.ROOT))) subordinate = true;
                else if (!verb && !subordinate && isVerb(t, previous, nextWord(tokens, k), opening)) verb = true;
                previous = t;
            }
            if (verb || words == 0 || words > maxTokens) continue;
            hits.add(new Hit(start, end, fill(template, trimmed, null, null), List.of()));
        }
        return hits;
    }

    private static boolean opensParagraph(Doc doc, int start) {
        for (int[] p : doc.paragraphs) if (p[0] <= start && start < p[1]) return doc.text.substring(p[0], start).isBlank();
        return true;
    }

    private static boolean aloneInParagraph(Doc doc, int start, int end) {
        for (int[] p : doc.paragraphs) {
            if (p[0] <= start && end <= p[1]) return p[0] == start && p[1] == end;
        }
        return true;
    }

    /**
     * Whether a word is the sentence's first finite verb here: never after the infinitive marker "to" ("difficult
     * to predict"), nor after "and", "or" or "but" (a sentence's first verb follows its subject, not a conjunction:
     * "It was praised. In Paris and enjoyed in the provinces." is a split sentence's second half); else a reading other than the base form or present ({@code VBD}, {@code VBZ},
     * {@code VBN}, {@code VBG}, {@code MD}); or a base-form or present reading of a word that is no noun, or
     * that follows a word that makes it a verb ({@link #licensesVerb}), or of any word when {@code loose} (a
     * paragraph's first sentence).
     */
    private static boolean isVerb(AnalyzedTokenReadings t, AnalyzedTokenReadings previous, AnalyzedTokenReadings next,
            boolean loose) {
        // after the infinitive marker no verb is finite: "difficult to predict"
        if (previous != null && previous.getToken().equalsIgnoreCase("to") && previous.hasPosTag("TO")) return false;
        if (previous != null && COORDINATORS.contains(previous.getToken().toLowerCase(Locale.ROOT))) return false;
        if (!loose && inNounPhrase(t, next)) return false;
        boolean plain = false;
        boolean noun = false;
        for (AnalyzedToken r : t.getReadings()) {
            String pos = r.getPOSTag();
            if (pos == null) continue;
            if (pos.equals("VB") || pos.equals("VBP")) plain = true;
            else if (pos.startsWith("VB") || pos.equals("MD")) return true;
            else if (pos.startsWith("NN")) noun = true;
        }
        if (!plain) return false;
        return loose || !noun || previous != null && licensesVerb(previous);
    }

    /**
     * Whether LanguageTool's chunker puts a word that is also a noun or adjective inside a noun phrase, where its
     * verb readings are not the sentence's verb: before the phrase's next word ("slow growth", "housing costs",
     * "wounded soldiers"), or as a plural head ({@code NNS} that is also {@code VBZ}) that the sentence goes on after
     * ("higher oil prices in 2015"). The chunker's call on a sentence's last word is not taken: it reads "Inflation
     * returns." and "The army attacks." as noun phrases, which a short sentence as often is not. A word the chunker
     * wrongly joins to the noun before it ("Markets rally.") is still a verb by {@link #licensesVerb}.
     */
    private static boolean inNounPhrase(AnalyzedTokenReadings t, AnalyzedTokenReadings next) {
        if (next == null || !chunked(t, "NP") || chunked(t, "VP")) return false;
        boolean nounOrAdjective = false;
        boolean plural = false;
        boolean third = false;
        for (AnalyzedToken r : t.getReadings()) {
            String pos = r.getPOSTag();
            if (pos == null) continue;
            if (pos.startsWith("NN") || pos.startsWith("JJ")) nounOrAdjective = true;
            if (pos.equals("NNS")) plural = true;
            if (pos.equals("VBZ")) third = true;
        }
        boolean modifier = next.getChunkTags().stream()
                .anyMatch(c -> c.getChunkTag().startsWith("I-NP") || c.getChunkTag().startsWith("E-NP"));
        return nounOrAdjective && modifier || plural && third;
    }

    private static boolean chunked(AnalyzedTokenReadings t, String phrase) {
        return t.getChunkTags().stream().anyMatch(c -> c.getChunkTag().contains(phrase));
    }

    /** The word after token {@code k}, or null when none follows before the sentence's end. */
    private static AnalyzedTokenReadings nextWord(AnalyzedTokenReadings[] tokens, int k) {
        if (k + 1 >= tokens.length) return null;
        String tok = tokens[k + 1].getToken();
        return !tok.isEmpty() && Character.isLetterOrDigit(tok.charAt(0)) ? tokens[k + 1] : null;
    }

    /** A pronoun, a plural noun or a modal: what a base-form or present verb follows ("they channel", "prices rise"). */
    private static boolean licensesVerb(AnalyzedTokenReadings t) {
        if (t.getToken().equals("i")) return true; // "I" written in lower case, as machine output and chat do
        for (AnalyzedToken r : t.getReadings()) {
            String pos = r.getPOSTag();
            if (pos == null) continue;
            if (pos.startsWith("PRP") && !pos.equals("PRP$") || pos.equals("NNS") || pos.equals("NNPS")
                    || pos.equals("MD") || pos.equals("WP") || pos.equals("WDT") || pos.equals("RB")) return true;
        }
        return false;
    }
}
