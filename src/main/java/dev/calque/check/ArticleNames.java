package dev.calque.check;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words the article the calling thread is checking writes with a capital inside a sentence, for
 * the speller: such a word is a name (its capital is not the sentence's), wherever else it stands. Set
 * for the duration of one check by {@link Checker}; the words are collected on the first question,
 * since most articles never ask.
 */
final class ArticleNames {
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}\\p{N}]*(?:['’\\-][\\p{L}\\p{M}\\p{N}]++)*+");
    private static final ThreadLocal<ArticleNames> CURRENT = new ThreadLocal<>();

    private final String text;
    private Set<String> names;

    private ArticleNames(String text) {
        this.text = text;
    }

    static void set(String text) {
        CURRENT.set(new ArticleNames(text));
    }

    static void clear() {
        CURRENT.remove();
    }

    static ArticleNames current() {
        return CURRENT.get();
    }

    /**
     * Whether the article writes this word (in any case: "Ouagadougou" for a dateline's "OUAGADOUGOU")
     * with a capital somewhere other than at a sentence's start.
     */
    boolean writesAsName(String word) {
        if (names == null) {
            names = new HashSet<>();
            for (String w : capitalizedInside(text)) names.add(w.toLowerCase(java.util.Locale.ROOT));
        }
        return names.contains(word.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** The words the text writes with a capital somewhere other than at a sentence's start, in text order. */
    static java.util.List<String> capitalizedInside(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (Character.isUpperCase(text.charAt(m.start())) && !opensSentence(text, m.start())) out.add(m.group());
        }
        return out;
    }

    /**
     * Whether a word starting at {@code at} opens a sentence or paragraph: only spaces, opening quotes and
     * brackets lie between it and the text's start, a line break or a sentence's end (. ! ? … or a colon; not
     * the full stop of an initial or an abbreviated title).
     */
    static boolean opensSentence(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') return true;
            if (Character.isWhitespace(c) || "\"“”«»‘’'([".indexOf(c) >= 0) continue;
            // the full stop of an initial or a title ends no sentence: "Mr. Chen"
            return ".!?…:".indexOf(c) >= 0 && !(c == '.' && dev.calque.model.Texts.abbreviationStop(text, i));
        }
        return true;
    }
}
