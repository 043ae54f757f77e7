package dev.calque.rules;

import dev.calque.model.Texts;
import java.util.ArrayList;
import java.util.List;
import org.languagetool.AnalyzedSentence;
import org.languagetool.rules.Category;
import org.languagetool.rules.CategoryId;
import org.languagetool.rules.RuleMatch;
import org.languagetool.rules.TextLevelRule;

/**
 * Base of Calque's generic Java mechanisms. Each is a LanguageTool text-level rule, so it runs inside
 * the same {@code check()} as the pattern rules and sees the already analysed sentences: no second
 * pass over the text. Instances hold no per-check state and are shared by all worker threads.
 */
public abstract class TextRule extends TextLevelRule {
    static final Category CALQUE = new Category(new CategoryId("CALQUE"), "Calque");

    protected final RuleInfo info;

    protected TextRule(RuleInfo info) {
        this.info = info;
        setCategory(CALQUE);
    }

    public RuleInfo info() {
        return info;
    }

    @Override
    public String getId() {
        return info.id();
    }

    @Override
    public String getDescription() {
        return info.name();
    }

    @Override
    public int minToCheckParagraph() {
        return -1; // the whole article: consistency and position rules need it
    }

    /** A passage found, with absolute offsets into the article text. */
    protected record Hit(int start, int end, String message, List<String> suggestions) {
    }

    /** The article as the mechanisms see it: its text, sentences with their offsets, paragraphs. */
    protected static final class Doc {
        final String text;
        final List<AnalyzedSentence> sentences;
        final int[] sentenceStarts;
        final List<int[]> paragraphs;

        Doc(List<AnalyzedSentence> sentences) {
            this.sentences = sentences;
            this.sentenceStarts = new int[sentences.size()];
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < sentences.size(); i++) {
                sentenceStarts[i] = sb.length();
                sb.append(sentences.get(i).getText());
            }
            this.text = sb.toString();
            this.paragraphs = Texts.paragraphs(text);
        }

        int sentenceAt(int offset) {
            int lo = 0;
            int hi = sentenceStarts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (sentenceStarts[mid] <= offset) lo = mid; else hi = mid - 1;
            }
            return lo;
        }
    }

    protected abstract List<Hit> find(Doc doc);

    @Override
    public RuleMatch[] match(List<AnalyzedSentence> sentences) {
        if (sentences.isEmpty()) return new RuleMatch[0];
        Doc doc = new Doc(sentences);
        List<RuleMatch> out = new ArrayList<>();
        for (Hit h : find(doc)) {
            RuleMatch m = new RuleMatch(this, sentences.get(doc.sentenceAt(h.start())), h.start(), h.end(),
                    h.message());
            if (!h.suggestions().isEmpty()) m.setSuggestedReplacements(h.suggestions());
            out.add(m);
        }
        return out.toArray(new RuleMatch[0]);
    }

    /** Fills {match}, {suggestion} and {note} in a message template. */
    static String fill(String template, String match, String suggestion, String note) {
        return template.replace("{match}", match)
                .replace("{suggestion}", suggestion == null ? "" : suggestion)
                .replace("{note}", note == null ? "" : note)
                .strip();
    }

    /** Whether a match at [s, e) stands as whole words (not inside a longer word). */
    static boolean wholeWords(String text, int s, int e) {
        return (s == 0 || !Character.isLetterOrDigit(text.charAt(s - 1)))
                && (e >= text.length() || !Character.isLetterOrDigit(text.charAt(e)));
    }
}
