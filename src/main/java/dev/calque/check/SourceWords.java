package dev.calque.check;

import dev.calque.model.Texts;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The words of the original of the text the calling thread is checking, for the speller: a word the
 * original has is not misspelled in the translation (it was copied: a name, a term, a code). Set for
 * the duration of one check by {@link Checker#check(dev.calque.bilingual.BilingualArticle, java.time.Duration)}.
 *
 * <p>"Has" is what a translator's copy looks like, not only the same letters: the accents dropped
 * ("Vallee" for "Vallée"), an English plural or possessive added to the name ("the Obeids"), and a
 * cognate that keeps all but the original's last letters ("Eurosceptic" for "eurosceptique": at least
 * seven letters in common, and no more than two of the English word's left over). A name the
 * original spells otherwise ("Kovrinks" for "Kovrinsk") is still not in it.
 */
final class SourceWords {
    private static final Pattern ENGLISH_ENDING = Pattern.compile("(?:['’]s|['’]|s)$");
    private static final int COGNATE_LETTERS = 7;
    private static final int COGNATE_LEFT_OVER = 2;
    private static final ThreadLocal<SourceWords> CURRENT = new ThreadLocal<>();

    private final Set<String> words = new HashSet<>();
    private final TreeSet<String> folded = new TreeSet<>();
    private final Set<String> names = new HashSet<>();

    private SourceWords(String original) {
        for (String w : Texts.words(original)) {
            add(w);
            for (String part : w.split("['’\\-.]")) add(part);
        }
        for (String name : ArticleNames.capitalizedInside(original)) {
            names.add(Texts.plain(name));
            for (String part : name.split("['’\\-]")) names.add(Texts.plain(part));
        }
    }

    private void add(String word) {
        words.add(word);
        words.add(word.toLowerCase(Locale.ROOT));
        folded.add(Texts.plain(word));
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
        if (words.contains(w) || words.contains(w.toLowerCase(Locale.ROOT))) return true;
        String f = Texts.plain(w);
        if (folded.contains(f)) return true;
        String bare = ENGLISH_ENDING.matcher(f).replaceFirst("");
        if (!bare.equals(f) && folded.contains(bare)) return true;
        return cognate(f);
    }

    /**
     * Whether the original writes the word (accents aside, an English plural or possessive aside) with a
     * capital inside a sentence, as a name.
     */
    boolean writesAsName(String word) {
        String f = Texts.plain(word.strip());
        return names.contains(f) || names.contains(ENGLISH_ENDING.matcher(f).replaceFirst(""));
    }

    /** An original word that begins with all but at most two of the English word's letters, seven or more. */
    private boolean cognate(String f) {
        for (int keep = f.length(); keep >= Math.max(COGNATE_LETTERS, f.length() - COGNATE_LEFT_OVER); keep--) {
            String stem = f.substring(0, keep);
            String next = folded.ceiling(stem);
            if (next != null && next.startsWith(stem)) return true;
        }
        return false;
    }
}
