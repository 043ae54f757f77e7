package dev.calque.check;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the original of the text the calling thread is checking, for the speller: a word the
 * original has is not misspelled in the translation (it was copied: a name, a term, a code). Set for
 * the duration of one check by {@link Checker#check(dev.calque.bilingual.BilingualArticle, java.time.Duration)}.
 */
final class SourceWords {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-.][\\p{L}\\p{N}]+)*");
    private static final ThreadLocal<SourceWords> CURRENT = new ThreadLocal<>();

    private final Set<String> words = new HashSet<>();

    private SourceWords(String original) {
        Matcher m = WORD.matcher(original);
        while (m.find()) {
            words.add(m.group());
            words.add(m.group().toLowerCase(Locale.ROOT));
            for (String part : m.group().split("['’\\-.]")) words.add(part);
        }
    }

    static void set(String original) {
        CURRENT.set(new SourceWords(original));
    }

    static void clear() {
        CURRENT.remove();
    }

    static SourceWords current() {
        return CURRENT.get();
    }

    boolean has(String word) {
        String w = word.strip();
        return words.contains(w) || words.contains(w.toLowerCase(Locale.ROOT));
    }
}
