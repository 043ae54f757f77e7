package dev.calque.bilingual;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name of the original replaced by another in the translation: the original's sentence has a name
 * (a run of capitalized Latin-script words that does not start its sentence, quotation or clause,
 * follows no article, and that the original does not also write in lower case) of which no word is in
 * the translation of its paragraph, and the translated sentence has a name the original's paragraph
 * lacks. A word of the original counts as present as it is, without accents, in the English form
 * the language's name-form table gives (Poutine -> Putin, Maison Blanche -> White House), or as a
 * word sharing its first four letters (Russie -> Russia, Genève -> Geneva). Requiring the stand-in
 * keeps the rule off names a translator leaves out or renders with a title ("the Russian president").
 */
final class NameRule extends LinkRules.Base {
    private static final Pattern NAME = Pattern.compile("(?<![\\p{L}\\p{N}'’-])\\p{Lu}[\\p{L}\\p{N}'’-]*\\p{L}(?:\\s+\\p{Lu}[\\p{L}\\p{N}'’-]*\\p{L})*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int KEY = 4;

    NameRule(LinkRules.Meta b) {
        super(b);
    }

    @Override
    public List<Hit> find(BilingualArticle a, ConventionTable conventions) {
        Conventions src = conventions.of(a.original().language());
        Conventions tgt = conventions.of("en");
        String st = a.original().text();
        String tt = a.target().text();
        Set<String> lowerInSource = new HashSet<>();
        Matcher w = WORD.matcher(st);
        while (w.find()) if (Character.isLowerCase(w.group().charAt(0))) lowerInSource.add(w.group());
        List<Hit> out = new ArrayList<>();
        for (Link l : a.alignment().sentences()) {
            if (!l.hasSource() || !l.hasTarget()) continue;
            String s = l.source().of(st);
            String t = l.target().of(tt);
            Link p = a.alignment().paragraphAt(l.target().start());
            // a 1-1 sentence is compared with its own translation, others with the paragraph's
            String paragraph = p == null || l.type() == LinkType.ONE_ONE ? t : p.target().of(tt);
            String sourceParagraph = p == null || !p.hasSource() ? s : p.source().of(st);
            Set<String> targetKeys = keys(paragraph);
            Set<String> sourceKeys = keys(sourceParagraph);
            for (String v : src.nameForms().values()) sourceKeys.addAll(keys(v));
            String missing = null;
            Matcher m = NAME.matcher(s);
            while (m.find() && missing == null) {
                if (startsUnit(s, m.start()) || afterArticle(s, m.start(), src)) continue;
                List<String> words = new ArrayList<>();
                for (String part : m.group().split("\\s+")) {
                    if (part.length() >= 3 && !lowerInSource.contains(part.toLowerCase(Locale.ROOT)) && src.word(part) == null) words.add(part);
                }
                if (words.isEmpty()) continue;
                boolean present = false;
                for (String word : words) present |= present(word, m.group(), src.nameForms(), paragraph, targetKeys);
                if (!present) missing = m.group();
            }
            if (missing == null) continue;
            int[] stand = standIn(t, sourceKeys, tgt);
            if (stand == null) continue;
            out.add(hit(a, l.target().start() + stand[0], l.target().start() + stand[1], l, "The original names “" + missing
                    + "” here, the translation “" + t.substring(stand[0], stand[1]) + "”, which the original does not have: “"
                    + LinkRules.shorten(s) + "”.", List.of()));
        }
        return out;
    }

    /** A capitalized word of the translated sentence (not its first) that nothing in the original's paragraph accounts for. */
    private static int[] standIn(String t, Set<String> sourceKeys, Conventions tgt) {
        Matcher m = NAME.matcher(t);
        while (m.find()) {
            if (startsUnit(t, m.start())) continue;
            for (String part : m.group().split("\\s+")) {
                if (part.length() < 3 || tgt.word(part) != null || sourceKeys.contains(key(part))) continue;
                if (tgt.notNames() != null && tgt.notNames().matcher(part).matches()) continue;
                return new int[] {m.start(), m.end()};
            }
        }
        return null;
    }

    /** Whether the word opens its sentence, a quotation or a clause after a colon: capitalized anyway. */
    private static boolean startsUnit(String s, int at) {
        int k = at - 1;
        while (k >= 0 && (Character.isWhitespace(s.charAt(k)) || Character.isSpaceChar(s.charAt(k)))) k--;
        return k < 0 || "«“\"'‘(:—–-.!?[".indexOf(s.charAt(k)) >= 0;
    }

    private static boolean afterArticle(String s, int at, Conventions c) {
        int k = at - 1;
        while (k >= 0 && (Character.isWhitespace(s.charAt(k)) || Character.isSpaceChar(s.charAt(k)) || s.charAt(k) == '\'' || s.charAt(k) == '’')) k--;
        int e = k + 1;
        while (k >= 0 && Character.isLetter(s.charAt(k))) k--;
        return e > k + 1 && c.articles().contains(s.substring(k + 1, e).toLowerCase(Locale.ROOT));
    }

    private static boolean present(String word, String phrase, Map<String, String> forms, String paragraph, Set<String> keys) {
        if (paragraph.contains(word) || plain(paragraph).contains(plain(word))) return true;
        for (Map.Entry<String, String> e : forms.entrySet()) {
            if ((e.getKey().equals(word) || phrase.contains(e.getKey()) && e.getKey().contains(word))
                    && paragraph.contains(e.getValue())) {
                return true;
            }
        }
        return keys.contains(key(word));
    }

    private static Set<String> keys(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) out.add(key(m.group()));
        return out;
    }

    private static String key(String word) {
        String p = plain(word).replaceAll("[^\\p{L}\\p{N}]", "");
        return p.length() > KEY ? p.substring(0, KEY) : p;
    }

    private static String plain(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
