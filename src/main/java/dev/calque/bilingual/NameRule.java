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
 * The names and acronyms of the original (capitalized Latin-script words that do not start their
 * sentence or quotation, and that the original does not also write in lower case) are in the
 * translation of their paragraph: as they are, without accents, in the English form the language's
 * name-form table gives (Poutine -> Putin, Maison Blanche -> White House), or as a word sharing their
 * first five letters (Russie -> Russia, Genève -> Geneva).
 */
final class NameRule extends LinkRules.Base {
    private static final Pattern NAME = Pattern.compile("(?<![\\p{L}\\p{N}'’-])\\p{Lu}[\\p{L}\\p{N}'’-]*\\p{L}");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    NameRule(LinkRules.Meta b) {
        super(b);
    }

    @Override
    public List<Hit> find(BilingualArticle a, ConventionTable conventions) {
        Conventions src = conventions.of(a.original().language());
        String st = a.original().text();
        String tt = a.target().text();
        Set<String> lowerInSource = new HashSet<>();
        Matcher w = WORD.matcher(st);
        while (w.find()) if (Character.isLowerCase(w.group().charAt(0))) lowerInSource.add(w.group());
        List<Hit> out = new ArrayList<>();
        for (Link l : a.alignment().sentences()) {
            if (!l.hasSource() || !l.hasTarget()) continue;
            String s = l.source().of(st);
            Link p = a.alignment().paragraphAt(l.target().start());
            String paragraph = p == null ? l.target().of(tt) : p.target().of(tt);
            Set<String> keys = keys(paragraph);
            String plainParagraph = plain(paragraph);
            Matcher m = NAME.matcher(s);
            while (m.find()) {
                String name = m.group();
                if (name.length() < 3 || startsUnit(s, m.start())) continue;
                if (lowerInSource.contains(name.toLowerCase(Locale.ROOT))) continue;
                if (src.word(name) != null) continue;
                if (present(name, s, m.start(), src.nameForms(), paragraph, plainParagraph, keys)) continue;
                out.add(hit(a, l.target().start(), l.target().end(), l, "The original names “" + name
                        + "”, which this passage of the translation does not: “" + LinkRules.shorten(s) + "”.",
                        List.of()));
                break;
            }
        }
        return out;
    }

    /** Whether the word opens its sentence, a quotation or a clause after a colon: capitalized anyway. */
    private static boolean startsUnit(String s, int at) {
        int k = at - 1;
        while (k >= 0 && Character.isWhitespace(s.charAt(k))) k--;
        return k < 0 || "«“\"(:—–-.!?[".indexOf(s.charAt(k)) >= 0;
    }

    private static boolean present(String name, String s, int at, Map<String, String> forms, String paragraph,
                                   String plainParagraph, Set<String> keys) {
        if (paragraph.contains(name) || plainParagraph.contains(plain(name))) return true;
        for (Map.Entry<String, String> e : forms.entrySet()) {
            String found = e.getKey();
            int i = found.indexOf(name);
            if (i < 0) continue;
            int from = at - i;
            if (from >= 0 && s.startsWith(found, from) && paragraph.contains(e.getValue())) return true;
        }
        return keys.contains(Anchors.key(name));
    }

    private static Set<String> keys(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) out.add(Anchors.key(m.group()));
        return out;
    }

    private static String plain(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
