package dev.calque.bilingual;

import dev.calque.model.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name of the original replaced by another in the translation, compared per aligned sentence.
 *
 * <p>A name word of the original's sentence is a capitalized Latin-script word of three letters or more
 * that does not start its sentence, quotation or clause (or does, and the translated document writes it
 * capitalized inside a sentence, or the name-form table knows it) and that the original does not also write in
 * lower case. After an article ("la bande de Gaza", "sa Mercedes") a capitalized word is often a common
 * noun or an institution ("le Conseil"), so there it counts as a name only when the translated document
 * writes it capitalized somewhere, the name-form table knows it, or the next word is capitalized too
 * (French capitalizes an institution's first word only: "sa Mercedes Benz" is a name, "le Conseil
 * constitutionnel" is not). The word is rendered when the
 * translated sentence has it as many times as the original's sentence: as it is, without accents, in
 * the English form of the language's name-form table (Poutine -> Putin), or as a word sharing its first
 * four letters (Russie -> Russia). So a first name swapped beside a kept surname ("Ronald Crystal" ->
 * "Portico Crystal") is seen, and so is a name the sentence has twice and the translation once.
 *
 * <p>A missing word is flagged only together with a stand-in: a capitalized word of the translated
 * sentence (not its first) that nothing in the original's paragraph accounts for, and that does not look
 * like any missing word (a different spelling is the speller's business). Requiring the stand-in keeps
 * the rule off names a translator leaves out or renders with a title ("the Russian president"). When the
 * missing word belongs to a name whose other words the sentence renders, the stand-in must stand beside
 * them ("Portico Crystal" for "Ronald Crystal"): elsewhere in the sentence the name was only shortened
 * ("the Front" for "le Front National"). Of several stand-ins, the one nearest the missing word's place in
 * its sentence is flagged.
 *
 * <p>A word of the original's name replaced in a name the translation otherwise copies ("Britain Bowie" for
 * "David Bowie", "the Angeles du Nouveau Monde" for "l'Institut du Nouveau Monde") is flagged without a
 * missing word: the translation may write the name twice, its French form and its English one.
 */
final class NameRule extends LinkRules.Base {
    private static final Pattern NAME = Pattern.compile("(?:(?<![\\p{IsLatin}\\p{M}\\p{N}'’-])|(?<=(?:^|[^\\p{L}])[lLdDjJmMnNsStTcC]['’])|(?<=[qQ]u['’])|(?<=(?:^|[^\\p{L}])(?:el|al|ad|ar|as|ash|ul|ibn|bin|abu|ould)-))\\p{Lu}[\\p{IsLatin}\\p{M}\\p{N}'’-]*[\\p{IsLatin}\\p{M}](?:[\\s\\u00A0\\u202F]+\\p{Lu}[\\p{IsLatin}\\p{M}\\p{N}'’-]*[\\p{IsLatin}\\p{M}])*+");
    // Latin script only (a Chinese original's "APP在各..." is the name APP), after an elided article too
    // (l'Attorney General, d'Afghanistan), after an Arabic article or particle (Bachar el-Assad), no-break
    // spaces between its words (Front National)
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern CAPITALIZED = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}\\p{N}]+");
    private static final int KEY = 4;

    NameRule(LinkRules.Meta b) {
        super(b);
    }

    @Override
    public List<Hit> find(BilingualArticle a, ConventionTable conventions) {
        Conventions src = conventions.of(a.original().language());
        Conventions tgt = conventions.of("en");
        // no-break spaces as spaces (one character for one, so offsets hold): "La\u00A0Haye" is the table's "La Haye"
        String st = spaces(a.original().text());
        String tt = spaces(a.target().text());
        Set<String> lowerInSource = new HashSet<>();
        Matcher w = WORD.matcher(st);
        while (w.find()) if (Character.isLowerCase(w.group().charAt(0))) lowerInSource.add(w.group());
        Set<String> capitalizedInTarget = new HashSet<>();
        Matcher c = CAPITALIZED.matcher(tt);
        while (c.find()) if (!startsUnit(tt, c.start())) capitalizedInTarget.add(key(c.group()));
        // the first letters of the original's words and of the English forms of its names: what a demonym may render
        Set<String> documentPrefixes = renderedPrefixes(st, src);
        // a name the original lacks can be told only where the original writes names in the translation's script (a
        // Chinese original writes none of the English's names in Latin letters)
        long letters = st.codePoints().filter(Character::isLetter).count();
        boolean latin = letters > 0 && st.codePoints().filter(cp -> Character.isLetter(cp)
                && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN).count() * 2 > letters;
        Map<String, Set<String>> documentByKey = byKey(st);
        Set<String> documentFormKeys = formKeys(st, src);
        List<Hit> out = new ArrayList<>();
        for (Link l : a.alignment().sentences()) {
            if (!l.hasSource() || !l.hasTarget()) continue;
            String s = l.source().of(st);
            String t = l.target().of(tt);
            Link p = a.alignment().paragraphAt(l.target().start());
            String sourceParagraph = p == null || !p.hasSource() ? s : p.source().of(st);
            Map<String, List<String>> siblings = new HashMap<>();
            List<String> missing = missing(s, t, src, lowerInSource, capitalizedInTarget, siblings);
            // a place rendered by its adjective: Flandre, "Flemish"; France, "French"
            missing.removeIf(gone -> demonymOf(gone, t, tgt));
            Map<String, Set<String>> sourceByKey = byKey(sourceParagraph);
            Set<String> formKeys = formKeys(sourceParagraph, src);
            // a word of a copied name replaced is the plainest evidence; else a missing name word and its stand-in
            int[] copy = inCopiedName(s, t, sourceParagraph, sourceByKey, formKeys, lowerInSource, src, tgt);
            if (copy != null) {
                out.add(hit(a, l.target().start() + copy[0], l.target().start() + copy[1], l, "The original's name “"
                        + s.substring(copy[2], copy[3]) + "” has “" + s.substring(copy[4], copy[5]) + "” where the translation, which copies the rest of it, has “"
                        + t.substring(copy[6], copy[7]) + "”, a word the original does not have: “" + LinkRules.shorten(s) + "”.", List.of()));
                continue;
            }
            int[] stand = missing.isEmpty() ? null : standIn(t, s, sourceParagraph, sourceByKey, formKeys, src, tgt, missing, siblings, st, documentPrefixes);
            if (stand != null) {
                String gone = missing.get(stand[2]);
                out.add(hit(a, l.target().start() + stand[0], l.target().start() + stand[1], l, "The original names “" + gone
                        + "” here, the translation “" + t.substring(stand[0], stand[1]) + "”, which "
                        + (stand[3] == 1 ? "the original names elsewhere, not in this sentence" : "the original does not have")
                        + ": “" + LinkRules.shorten(s) + "”.", List.of()));
                continue;
            }
            int[] added = latin ? added(t, st, documentByKey, documentFormKeys, documentPrefixes, src, tgt) : null;
            if (added != null) {
                out.add(hit(a, l.target().start() + added[0], l.target().start() + added[1], l, "The translation names “"
                        + t.substring(added[0], added[1]) + "”, which nothing in the original accounts for: “" + LinkRules.shorten(s) + "”.", List.of()));
            }
        }
        return out;
    }

    /**
     * A name the translated sentence adds: a lone capitalized word of four letters or more (not opening its sentence, not
     * joined to other capitalized words, not after a determiner, where English capitalizes title words: "the Government",
     * "the Pope"; no acronym, date or number word) that nothing in the whole original accounts for: no word of it with the
     * same first four letters is a cognate, nor is an English form of one of its names, nor is a word the language's
     * {@code capitals} table gives for it, none of its words is a respelling of it, and a demonym has no word of the
     * original it renders; not in a headline ("an independent Translational newspaper" for "un journal
     * catholique indépendant"). {start, end} of the word, or null.
     */
    private static int[] added(String t, String original, Map<String, Set<String>> documentByKey, Set<String> documentFormKeys,
                               Set<String> documentPrefixes, Conventions src, Conventions tgt) {
        // a headline capitalizes as a title does ("European Markets Down at Midday")
        if (LinkRules.LengthRatio.headline(t.replaceAll("[\"'”’»)\\]\\s]+$", ""))) return null;
        Matcher m = NAME.matcher(t);
        while (m.find()) {
            List<int[]> spans = parts(t, m.start(), m.end());
            // a demonym before it makes a phrase too: English writes institutions so ("the French Embassy", "the Italian Council")
            if (spans.size() != 1 || startsUnit(t, m.start())) continue;
            int ps = spans.get(0)[0];
            int pe = spans.get(0)[1];
            String part = t.substring(ps, pe);
            if (part.length() < 4 || acronym(part) || !part.chars().allMatch(Character::isLetter) || tgt.word(part) != null
                    || insideName(t, ps, pe, tgt) || BESIDE_CAPITAL_BEFORE.matcher(t.substring(Math.max(0, ps - 40), ps)).find()) continue;
            if (tgt.notNames() != null && tgt.notNames().matcher(part).matches() && part.endsWith("s")) continue;
            if (tgt.determiner() != null && tgt.determiner().matcher(t.substring(Math.max(0, ps - 20), ps)).find()) continue;
            if (accounted(part, documentByKey, documentFormKeys) || capitalRendered(part, original, src)) continue;
            if (tgt.notNames() != null && tgt.notNames().matcher(part).matches() && evidenced(part, documentPrefixes, original, src)) continue;
            // a respelling of a word of the original renders it (ouïghours: Uighur; alaouite: Alawite)
            boolean respelled = false;
            String p = plain(part);
            for (Set<String> words : documentByKey.values()) {
                for (String w : words) respelled |= w.length() >= 3 && (dice(w, p) >= 0.6 || samePrefix(w, p) && dice(w, p) >= 0.5);
            }
            if (!respelled) return new int[] {ps, pe};
        }
        return null;
    }

    /**
     * A word of the original's sentence replaced in a name the translation otherwise copies: "Britain Bowie" for "David Bowie",
     * "Rue Glass-Gallimard" for "rue Gaston-Gallimard", "the Angeles du Nouveau Monde" for "l'Institut du Nouveau Monde",
     * "the Attorney British for Texas" for "l'Attorney General du Texas". The translation has, beside a word of the original's
     * name (the same word, joined to it only by a space, a hyphen or an apostrophe), a capitalized word that nothing in the
     * original's paragraph accounts for, where the original has another capitalized word. This needs no missing word: a
     * translator who writes a name twice ("Marguerite-Bourgeoys (Marguerite Bourgeoys School Board)") keeps the original's
     * word elsewhere. A demonym stands so only after the copied word ("Mick Egyptian"): before a name it may qualify it
     * ("German Michael Schumacher" for "l'Allemand Michael Schumacher").
     * {start, end} of the translation's name phrase, of the original's name, of its word, and of the translation's word; or null.
     */
    private static int[] inCopiedName(String s, String t, String sourceParagraph, Map<String, Set<String>> sourceByKey, Set<String> formKeys,
                                      Set<String> lowerInSource, Conventions src, Conventions tgt) {
        List<int[]> sw = tokens(s);
        List<int[]> tw = tokens(t);
        for (int j = 0; j < tw.size(); j++) {
            String x = t.substring(tw.get(j)[0], tw.get(j)[1]);
            // a word opening a sentence is capitalized anyway ("But Berlin" for "Mais Berlin")
            if (x.length() < 3 || !Character.isUpperCase(x.charAt(0)) || startsUnit(t, tw.get(j)[0]) || accounted(x, sourceByKey, formKeys)
                    || ownWord(sourceParagraph, x)) continue;
            boolean demonym = tgt.notNames() != null && tgt.notNames().matcher(x).matches();
            for (int i = 0; i < sw.size(); i++) {
                String y = s.substring(sw.get(i)[0], sw.get(i)[1]);
                if (y.length() < 3 || !Character.isUpperCase(y.charAt(0)) || alike(x, y) || acronym(x) && acronym(y) || src.word(y) != null
                        || src.notNames() != null && src.notNames().matcher(y).matches()) continue;
                // nor is the original's, unless it writes the word nowhere in lower case ("David Bowie a ...", not "Mais Berlin")
                if (startsUnit(s, sw.get(i)[0]) && (lowerInSource.contains(y.toLowerCase(Locale.ROOT)) || src.articles().contains(y.toLowerCase(Locale.ROOT)))) continue;
                int left = 0;
                while (left < 3 && same(s, sw, i - left - 1, i - left, t, tw, j - left - 1, j - left)) left++;
                // a second copy of a hyphenated name, joined by a space, beside the first copied as it is: "Commission
                // Scolaire Marguerite-Bourgeoys (Marguerite Security School Board)"; the word after the copied one is the
                // swapped one (an adjective translated in a name, "Old Quebec" for "Vieux-Québec", stands before it)
                if (left == 0 && secondCopy(s, sw, i - 1, t, tw, j - 1)) left = 1;
                int right = 0;
                while (right < 3 && same(s, sw, i + right + 1, i + right, t, tw, j + right + 1, j + right)) right++;
                if (left + right == 0 || demonym && left == 0 && right < 2) continue;
                // the copied words hold a name word of the original: a capitalized word of three letters or more
                boolean name = false;
                for (int k = i - left; k <= i + right; k++) {
                    String c = s.substring(sw.get(k)[0], sw.get(k)[1]);
                    name |= k != i && c.length() >= 3 && Character.isUpperCase(c.charAt(0)) && !startsUnit(s, sw.get(k)[0]);
                }
                if (!name) continue;
                int[] phrase = {tw.get(j)[0], tw.get(j)[1]};
                Matcher m = NAME.matcher(t);
                while (m.find()) if (m.start() <= phrase[0] && phrase[1] <= m.end()) phrase = new int[] {m.start(), m.end()};
                return new int[] {phrase[0], phrase[1], sw.get(i - left)[0], sw.get(i + right)[1], sw.get(i)[0], sw.get(i)[1],
                        tw.get(j)[0], tw.get(j)[1]};
            }
        }
        return null;
    }

    /** A capitalized word just before, a possessive between ("Magistrates' Court"): the word is inside a name. */
    private static final Pattern BESIDE_CAPITAL_BEFORE = Pattern.compile("\\p{Lu}[\\p{L}.]*['’]s?[\\s\\u00A0]+$");

    /** The words of a passage: {start, end} of each. */
    private static List<int[]> tokens(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) out.add(new int[] {m.start(), m.end()});
        return out;
    }

    /**
     * Whether the original's word {@code i} and the translation's word {@code j} are one word (without accents, its first letter
     * in the same case), each joined to its neighbour ({@code ni}, {@code nj}) in the same way: a space, a hyphen or an apostrophe.
     */
    private static boolean same(String s, List<int[]> sw, int i, int ni, String t, List<int[]> tw, int j, int nj) {
        if (i < 0 || j < 0 || i >= sw.size() || j >= tw.size()) return false;
        String a = s.substring(sw.get(i)[0], sw.get(i)[1]);
        String b = t.substring(tw.get(j)[0], tw.get(j)[1]);
        if (!plain(a).equals(plain(b)) || Character.isUpperCase(a.charAt(0)) != Character.isUpperCase(b.charAt(0))) return false;
        String gs = joint(s, sw, Math.min(i, ni));
        return gs != null && gs.equals(joint(t, tw, Math.min(j, nj)));
    }

    /**
     * Whether the original's words {@code i} and {@code i + 1}, joined by a hyphen, are copied as they are in the translation,
     * which also writes word {@code i} as its word {@code j}, joined to the next by a space: a second copy of the name.
     */
    private static boolean secondCopy(String s, List<int[]> sw, int i, String t, List<int[]> tw, int j) {
        if (i < 0 || j < 0 || i + 1 >= sw.size() || j + 1 >= tw.size()) return false;
        String a = s.substring(sw.get(i)[0], sw.get(i)[1]);
        String b = t.substring(tw.get(j)[0], tw.get(j)[1]);
        if (!a.equals(b) || !Character.isUpperCase(a.charAt(0)) || !"-".equals(joint(s, sw, i)) || !" ".equals(joint(t, tw, j))) return false;
        return wordAt(t, s.substring(sw.get(i)[0], sw.get(i + 1)[1]), 0) >= 0;
    }

    /**
     * How word {@code k} and the next are joined: " " by a space, "-" by a hyphen, "'" by an apostrophe, or null. A name
     * copied keeps its hyphens; one translated in part loses them ("Vieux-Québec": "Old Quebec").
     */
    private static String joint(String text, List<int[]> words, int k) {
        String gap = text.substring(words.get(k)[1], words.get(k + 1)[0]);
        if (gap.matches("[\\s\\u00A0\\u202F]+")) return " ";
        if (gap.matches("[-‑]")) return "-";
        return gap.matches("['’]") ? "'" : null;
    }


    /** The name words of the original's sentence that the translated sentence has fewer times. */
    private static List<String> missing(String s, String t, Conventions src, Set<String> lowerInSource, Set<String> capitalizedInTarget,
                                        Map<String, List<String>> siblings) {
        Map<String, Integer> needed = new HashMap<>();
        Matcher m = NAME.matcher(s);
        while (m.find()) {
            boolean first = startsUnit(s, m.start());
            String before = articleBefore(s, m.start(), src);
            // an acronym after them stays a word the translation must write (French acronyms are re-lettered: l'OIAC, the OPCW)
            boolean article = before != null && !(src.nameArticles().contains(before) && !headOfPhrase(s, m.end(), src) && !acronym(m.group()));
            String[] parts = m.group().replaceAll("['’]s?(?=[\\s\\u00A0\\u202F]|$)", "").split("[\\s\\u00A0\\u202F]+");
            for (int at = 0; at < parts.length; at++) {
                String part = parts[at];
                // "L'Associated Press" opening its sentence: the elided article opens it, the name follows
                Matcher elided = ELIDED.matcher(part);
                if (first && elided.matches() && src.articles().contains(elided.group(1).toLowerCase(Locale.ROOT))) {
                    part = elided.group(2);
                    first = false;
                    article = true;
                }
                int partAt = m.start() + Math.max(0, m.group().indexOf(part));
                if (first) {
                    first = false;
                    // "Au Tribunal de ...": the sentence opens with an article
                    article = src.articles().contains(part.toLowerCase(Locale.ROOT));
                    // a word opening the sentence is capitalized anyway: it is a name when the translated document writes
                    // it capitalized inside a sentence or the name-form table knows it ("Bombardier, basé à Montréal, ...",
                    // "Kiev a besoin ...")
                    if (article || !capitalizedInTarget.contains(key(part)) && !formOf(part, m.group(), src.nameForms())
                            && !formAt(s, partAt, src.nameForms())) continue;
                }
                boolean opening = article;
                article = false;
                // a word the original also writes in lower case is a common noun, unless it stands in a phrase of
                // capitalized words ("Government Communications Headquarters", "Danse Danse")
                if (part.length() < 3 || parts.length < 2 && lowerInSource.contains(part.toLowerCase(Locale.ROOT)) || src.word(part) != null) continue;
                // holidays and the like are no names of people, places or organisations (Noël: Christmas)
                if (src.notNames() != null && src.notNames().matcher(part).matches()) continue;
                // French capitalizes the first word of an institution only (le Conseil constitutionnel): a second
                // capitalized word makes the phrase a name (sa Mercedes Benz, l'Attorney General)
                if (opening && at == parts.length - 1 && !capitalizedInTarget.contains(key(part)) && !formOf(part, m.group(), src.nameForms())
                        && !formAt(s, partAt, src.nameForms())) continue;
                needed.merge(part, 1, Integer::sum);
                // the other words of its name; a word the sentence also writes alone has none (an empty list)
                List<String> others = new ArrayList<>();
                for (String o : parts) if (!o.equals(part) && o.length() >= 3 && !others.contains(o)) others.add(o);
                List<String> known = siblings.get(part);
                if (known == null) siblings.put(part, others);
                else if (others.isEmpty() || known.isEmpty()) known.clear();
                else for (String o : others) if (!known.contains(o)) known.add(o);
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : needed.entrySet()) {
            if (rendered(e.getKey(), s, src.nameForms(), t) < e.getValue()) out.add(e.getKey());
        }
        out.sort(null);
        return out;
    }

    /** Whether a name of the name-form table starts at {@code at} ("les Nations unies": United Nations). */
    private static boolean formAt(String s, int at, Map<String, String> forms) {
        for (String k : forms.keySet()) {
            if (s.startsWith(k, at) && (at + k.length() >= s.length() || !Character.isLetterOrDigit(s.charAt(at + k.length())))) return true;
        }
        return false;
    }

    private static boolean formOf(String part, String phrase, Map<String, String> forms) {
        for (String k : forms.keySet()) if (k.equals(part) || phrase.contains(k) && k.contains(part)) return true;
        return false;
    }

    /** How many times the translated sentence renders a name word of the original. */
    private static int rendered(String word, String phrase, Map<String, String> forms, String t) {
        String k = key(word);
        String plainWord = plain(word);
        int n = 0;
        Matcher m = WORD.matcher(t);
        while (m.find()) {
            String x = m.group();
            // as it is, without accents, the same first letters, or respelled (Troie: Trojan): a respelling
            // is the speller's business, not a swapped name. English capitalizes names and the words made from
            // them, so a lower-case word with the same first letters is another word ("euro" is no "Europe")
            // a word the original's sentence writes itself renders itself, not another it resembles (Chen Yongzhou
            // is no rendering of Guangzhou)
            // a word of the original's sentence renders itself ("bad bank" is no "Royal Bank", "Soul" no "Sound Board",
            // "Hall" no "Halifax", "Transports" no "Travaux"), but a part of the word renders it (Gaston-Gallimard)
            if (x.equals(word)) n++;
            else if (plain(x).equals(plainWord)) {
                if (!containsWord(phrase, x)) n++;
            } else if (Character.isUpperCase(x.charAt(0)) && (key(x).equals(k) || x.length() >= 3 && (samePrefix(x, word) || alike(x, word)))
                    && (word.contains(x) || !ownWord(phrase, x))) n++;
        }
        for (Map.Entry<String, String> e : forms.entrySet()) {
            if ((e.getKey().equals(word) || phrase.contains(e.getKey()) && e.getKey().contains(word))) {
                n += count(t, e.getValue());
                // or by the initials of that form: United States, "US" or "U.S."; New South Wales, "NSW"
                String initials = initials(e.getValue());
                if (initials != null) n += initialsCount(t, initials);
                // and an acronym by its words: UN, "United Nations"
                if (acronym(e.getValue()) && e.getValue().chars().allMatch(Character::isUpperCase)) n += spelledOut(t, e.getValue());
            }
        }
        return n;
    }

    /**
     * A capitalized word of the translated sentence (not its first) that is no respelling of a missing word and that either nothing in the original's
     * paragraph accounts for, or that the sentence has more often than its original (a name of the
     * article put in another's place): {start, end, index of the missing word, 1 when named elsewhere}.
     */
    private static int[] standIn(String t, String s, String sourceParagraph, Map<String, Set<String>> sourceByKey, Set<String> formKeys,
                                 Conventions src, Conventions tgt, List<String> missing, Map<String, List<String>> siblings,
                                 String original, Set<String> documentPrefixes) {
        // the words of each missing word's name that the sentence does render ("Front" of "Front National")
        List<List<String>> kept = new ArrayList<>();
        for (String gone : missing) {
            List<String> k = new ArrayList<>();
            for (String o : siblings.getOrDefault(gone, List.of())) if (rendered(o, s, src.nameForms(), t) > 0) k.add(o);
            kept.add(k);
        }
        // the words (plain) within three of each missing word in its phrase of the original's sentence (Chaire, tourisme: Transat)
        List<Set<String>> near = new ArrayList<>();
        List<int[]> sw = tokens(s);
        for (String gone : missing) {
            Set<String> n = new HashSet<>();
            int at = wordAt(s, gone, 0);
            for (int k = 0; k < sw.size(); k++) {
                if (sw.get(k)[0] != at) continue;
                // within its phrase: no punctuation between ("Colchester, Howie" are two phrases)
                for (int q = k - 1; q >= Math.max(0, k - 3) && joint(s, sw, q) != null; q--) {
                    if (q >= 0 && sw.get(q)[1] - sw.get(q)[0] >= 4) n.add(plain(s.substring(sw.get(q)[0], sw.get(q)[1])));
                }
                // and before a word that carries the clause on ("Transat à l'École": à)
                for (int q = k + 1; q <= Math.min(sw.size() - 1, k + 3) && joint(s, sw, q - 1) != null
                        && !(src.clauseGoesOn() != null && src.clauseGoesOn().matcher(s).region(sw.get(q - 1)[1], s.length()).lookingAt()); q++) {
                    if (sw.get(q)[1] - sw.get(q)[0] >= 4) n.add(plain(s.substring(sw.get(q)[0], sw.get(q)[1])));
                }
            }
            near.add(n);
        }
        Set<String> targetKeys = keys(t);
        Set<String> sourceWords = renderedPrefixes(sourceParagraph, src);
        // the weekdays and months of the original's paragraph (jeudi: weekday:4)
        Set<String> sourceDates = new HashSet<>();
        Matcher d = WORD.matcher(sourceParagraph);
        while (d.find()) if (src.word(d.group()) != null) sourceDates.add(src.word(d.group()));
        // the capitalized words of the original's sentence: a sentence-opening word of the translation that is one of
        // them belongs to the name phrase it opens ("Mick Egyptian", "Prof French")
        Set<String> sourceCapitals = new HashSet<>();
        Matcher sc = CAPITALIZED.matcher(s);
        while (sc.find()) sourceCapitals.add(key(sc.group()));
        // of several, the one nearest the missing word's place in its sentence (translations keep the order of a
        // sentence's parts more often than not: "the Saudi-owned channel ... intended for Runway" for "au Hezbollah");
        // of two as near, the one that stands alone: English writes with capitals the words of an institution's name
        // that French writes in lower case ("Centre de santé et services sociaux": "Centre for Health and Social
        // Services"), so a word inside such a name is likelier a rendering than a name put in another's place
        // and a name English writes (the name-form table's English forms of one word: Germany, Beijing) before a word
        // English capitalizes in a title ("At Germany Magistrates' Court" for "Au Tribunal de première instance de Colchester")
        Set<String> known = new HashSet<>();
        for (String form : src.nameForms().values()) if (!form.contains(" ")) known.add(form);
        int[] best = null;
        double bestScore = Double.MAX_VALUE;
        Matcher m = NAME.matcher(t);
        while (m.find()) {
            boolean first = startsUnit(t, m.start());
            List<int[]> spans = parts(t, m.start(), m.end());
            String[] parts = new String[spans.size()];
            for (int k = 0; k < parts.length; k++) parts[k] = t.substring(spans.get(k)[0], spans.get(k)[1]);
            // words of a name phrase, its sentence-opening word left out unless the original has it capitalized ("The
            // Spanish government" is no phrase, "Mick Egyptian" is)
            int phrase = parts.length - (first && !sourceCapitals.contains(key(parts[0])) ? 1 : 0);
            for (int at = 0; at < parts.length; at++) {
                String part = parts[at];
                int ps = spans.get(at)[0];
                int pe = spans.get(at)[1];
                if (first) {
                    first = false;
                    continue;
                }
                if (part.length() < 3) continue;
                // a weekday or month is the date rules' business, unless it stands inside a name phrase where the
                // original has no such date ("the Friday Stones' tour" for "la tournée des Rolling Stones")
                String value = tgt.word(part);
                if (value != null && !(phrase > 1 && value.matches("(?:weekday|month):\\d+") && !sourceDates.contains(value))) continue;
                // a demonym is a stand-in inside a name phrase, or where it qualifies no noun after a preposition of
                // place ("lives in French") or inside a name ("Roger and American.", "the Royal Gendarmerie of Flemish (GRC)")
                // ("a American demonstration" for "une manifestation du Hezbollah"); elsewhere it qualifies a noun, and renders
                // a word of the original only when the original has one for it: a word with its first letters (américain)
                // or one the language's capitals table gives (français: French); a word's shape alone ("Sebastian", "-ian")
                // is no evidence
                if (tgt.notNames() != null && tgt.notNames().matcher(part).matches()
                        && !((phrase > 1 || nounUse(t, ps, pe, tgt) || coordinated(t, ps, pe, tgt) || subject(t, ps, pe, tgt)) && !sourceWords.contains(prefix(part)))
                        && (evidenced(part, sourceWords, sourceParagraph, src) || !standsWhere(part, ps, pe, t, near, tgt))) continue;
                boolean elsewhere = accounted(part, sourceByKey, formKeys);
                if (elsewhere && keyCount(t, key(part), tgt) <= keyCount(s, key(part), null) + formCount(s, key(part), src)) continue;
                // a phrase of capitalized words spelling out an acronym of the original ("the Grand Prix" for "le GP")
                if (spellsOut(parts, phrase, sourceParagraph)) continue;
                // a respelling of any missing word renders that word: no stand-in
                boolean respelling = false;
                for (String gone : missing) respelling |= alike(part, gone);
                if (respelling) continue;
                for (int i = 0; i < missing.size(); i++) {
                    // French acronyms are re-lettered in English (ONU: UN, OIAC: OPCW, DSD: DDoS): an acronym in
                    // the place of an acronym is no swapped name
                    if (acronym(part) && acronym(missing.get(i))) continue;
                    // a word of a name whose other words the sentence renders is swapped in their place, beside
                    // them ("Portico Crystal"); elsewhere the name was shortened ("the Front" for "le Front National")
                    // in the original's order: a name English translates word by word puts French's noun after its
                    // adjective ("Travaux Publics": "Public Works"); a word swapped into a copied name keeps the order
                    if (!kept.get(i).isEmpty() && !nextTo(parts, at, kept.get(i), missing.get(i), s, src)) continue;
                    int[] hit = {m.start(), m.end(), i, elsewhere ? 1 : 0};
                    // and one beside a rendering of the missing word's neighbours keeps their name ("the Corporal Chair in
                    // Tourism" for "la Chaire de tourisme Transat", not "the School of Management" further on)
                    // when the translation renders every one of them; when it renders some, a phrase with one of them is the
                    // rendering of the name's phrase in words of its own ("French Alpine Troops" for "Chasseurs alpins"), and
                    // the stand-in is elsewhere ("stationed in Texas" for "de Chambéry")
                    boolean neighbours = false;
                    for (int q = 0; q < parts.length; q++) for (String w : near.get(i)) neighbours |= q != at && key(w).equals(key(parts[q]));
                    boolean allRendered = true;
                    for (String w : near.get(i)) allRendered &= targetKeys.contains(key(w));
                    double score = Math.abs(place(s, missing.get(i)) - (double) ps / Math.max(1, t.length()))
                            + (parts.length == 1 && !insideName(t, ps, pe, tgt) ? 0 : 0.05) - (known.contains(part) ? 0.3 : 0)
                            + (neighbours ? (allRendered ? -0.2 : 0.2) : 0);
                    if (score < bestScore) {
                        bestScore = score;
                        best = hit;
                    }
                }
            }
        }
        return best;
    }

    /** Where in the sentence the word first stands, as a share of its length (0 at its start, 1 at its end). */
    private static double place(String s, String word) {
        int at = wordAt(s, word, 0);
        return at >= 0 ? (double) at / Math.max(1, s.length()) : 0.5;
    }

    /** The words of a name phrase at {@code start..end}, a possessive left out: {start, end} of each. */
    private static List<int[]> parts(String t, int start, int end) {
        List<int[]> out = new ArrayList<>();
        Matcher w = PART.matcher(t).region(start, end);
        while (w.find()) {
            int e = w.end();
            Matcher poss = POSSESSIVE.matcher(w.group());
            if (poss.find()) e = w.start() + poss.start();
            out.add(new int[] {w.start(), e});
        }
        return out;
    }

    private static final Pattern PART = Pattern.compile("[^\\s\\u00A0\\u202F]+");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s?$");

    /**
     * Whether the capitalized word is a cognate of a word of the original's paragraph or of the English form of one of its
     * names: the same first four letters and most letter pairs in common ("Parliament", parlement; "Internet" is
     * no "intersection").
     */
    private static boolean accounted(String part, Map<String, Set<String>> sourceByKey, Set<String> formKeys) {
        String k = key(part);
        if (formKeys.contains(k)) return true;
        Set<String> words = sourceByKey.get(k);
        if (words == null) return false;
        String p = plain(part);
        for (String w : words) if (w.equals(p) || dice(w, p) >= 0.5) return true;
        return false;
    }

    private static final java.util.concurrent.ConcurrentMap<String, Pattern> LINKS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A pattern of the name rule with {@code JOIN} read as the target language's words that join a name's words
     * ({@link Conventions#nameJoiner}: of, for, and, the, ...); with none, {@code JOIN} matches nothing.
     */
    private static Pattern linked(String template, Conventions tgt) {
        String joiners = tgt.nameJoiner() == null ? "(?!)" : tgt.nameJoiner().pattern();
        return LINKS.computeIfAbsent(template + "\u0000" + joiners, k -> Pattern.compile(template.replace("JOIN", joiners)));
    }

    /** A capitalized word, then joining words, at the end of a passage: "Roger and ". */
    private static final String LINKED_BEFORE = "(\\p{Lu}[\\p{L}.]*)\\s+(?:JOIN\\s+)+$";

    /**
     * Whether a demonym at {@code start..end} is joined as a noun to a name that is none ("Roger and American.", "the Royal
     * Gendarmerie of Flemish (GRC)"): one person or place, not a people beside another ("Armagnacs and Burgundians") nor a
     * language beside another ("English and French").
     */
    private static boolean coordinated(String t, int start, int end, Conventions tgt) {
        if (t.charAt(end - 1) == 's' || !qualifiesNothing(t, end, tgt)) return false;
        Matcher b = linked(LINKED_BEFORE, tgt).matcher(t.substring(Math.max(0, start - 40), start));
        return b.find() && !startsUnit(t, Math.max(0, start - 40) + b.start()) && !tgt.notNames().matcher(b.group(1)).matches();
    }

    /**
     * Whether a demonym ending at {@code end} is the subject of its clause, a singular noun before a verb ("Although
     * European is currently working", for "Google"): no people ("Europeans are", "the British have"), and no adjective,
     * which a verb never follows.
     */
    private static boolean subject(String t, int start, int end, Conventions tgt) {
        return tgt.subjectVerb() != null && t.charAt(end - 1) != 's' && tgt.subjectVerb().matcher(t).region(end, t.length()).lookingAt()
                && !(tgt.determiner() != null && tgt.determiner().matcher(t.substring(Math.max(0, start - 20), start)).find());
    }

    /** Whether what follows {@code end} is no noun a word would qualify: punctuation, a capital, the end, or a function word. */
    private static boolean qualifiesNothing(String t, int end, Conventions tgt) {
        int k = end;
        while (k < t.length() && (t.charAt(k) == ' ' || t.charAt(k) == '\u00A0')) k++;
        return k >= t.length() || !Character.isLowerCase(t.charAt(k))
                || tgt.functionWord() != null && tgt.functionWord().matcher(t).region(k, t.length()).lookingAt();
    }

    private static final String NAME_LINK_BEFORE = "\\p{Lu}[\\p{L}.]*\\s+(?:JOIN\\s+)*$";
    private static final String NAME_LINK_AFTER = "^\\s+(?:JOIN\\s+)*\\p{Lu}";

    /** Whether the capitalized word at {@code start..end} joins others in a name (Centre for Health and Social Services). */
    private static boolean insideName(String t, int start, int end, Conventions tgt) {
        String before = t.substring(Math.max(0, start - 40), start);
        Matcher b = linked(NAME_LINK_BEFORE, tgt).matcher(before);
        boolean left = b.find() && !startsUnit(t, Math.max(0, start - 40) + b.start());
        return left || linked(NAME_LINK_AFTER, tgt).matcher(t.substring(end, Math.min(t.length(), end + 40))).find();
    }


    /**
     * Whether a demonym at {@code start..end} takes the place of a place name: after a preposition of place, and
     * before no noun it could qualify ("combat in French,", "lives in French with"); "in French politics", "the
     * Chinese government", "Armagnacs and Burgundians" do not.
     */
    private static boolean nounUse(String t, int start, int end, Conventions tgt) {
        return tgt.placePreposition() != null && qualifiesNothing(t, end, tgt)
                && tgt.placePreposition().matcher(t.substring(Math.max(0, start - 40), start)).find();
    }

    /** The words of a passage by their key, each with its plain forms. */
    private static Map<String, Set<String>> byKey(String text) {
        Map<String, Set<String>> out = new HashMap<>();
        Matcher w = WORD.matcher(text);
        while (w.find()) out.computeIfAbsent(key(w.group()), x -> new HashSet<>()).add(plain(w.group()));
        return out;
    }

    /** The keys of the English forms of the names a passage of the original writes (Poutine: putin). */
    private static Set<String> formKeys(String text, Conventions src) {
        Set<String> out = new HashSet<>();
        for (Map.Entry<String, String> e : src.nameForms().entrySet()) if (containsWord(text, e.getKey())) out.addAll(keys(e.getValue()));
        return out;
    }

    /** The prefixes of a passage's words and of the English forms of its names: what a demonym of the translation may render. */
    private static Set<String> renderedPrefixes(String text, Conventions src) {
        Set<String> out = prefixes(text);
        for (Map.Entry<String, String> e : src.nameForms().entrySet()) if (containsWord(text, e.getKey())) out.addAll(prefixes(e.getValue()));
        return out;
    }

    /** The first three letters, without accents, in lower case, of every word of the passage. */
    private static Set<String> prefixes(String text) {
        return eachWord(text, NameRule::prefix);
    }

    private static String prefix(String word) {
        String p = plain(word).toLowerCase(Locale.ROOT);
        return p.length() > 3 ? p.substring(0, 3) : p;
    }

    /**
     * Whether the original has a word a demonym of the translation renders: one that begins with its first three letters, or
     * an English form of one of its names that does ({@code prefixes}: américain, Allemagne's Germany: American, German), or
     * one the source language's {@code capitals} table gives for it (français: French).
     */
    private static boolean evidenced(String demonym, Set<String> prefixes, String original, Conventions src) {
        if (prefixes.contains(prefix(demonym))) return true;
        return capitalRendered(demonym, original, src);
    }

    /** Whether the source language's {@code capitals} table gives a word of the original that the English word renders (francité: Frenchness). */
    private static boolean capitalRendered(String word, String original, Conventions src) {
        for (Map.Entry<String, Pattern> e : src.capitals().entrySet()) {
            if (word.startsWith(e.getKey()) && e.getValue().matcher(original).find()) return true;
        }
        return false;
    }

    /**
     * Whether a demonym the original has no word for may stand in a missing name's place: a singular one (a plural is a people,
     * which French writes as a capitalized noun: "Bourguignons", "Burgundians"; so is a singular one after a determiner before
     * no noun and in no name: "The Spanish have", not "the Sebastian and Sierra trucks"), unless it qualifies a cognate of a word of
     * the missing name's phrase: English puts before the noun the place French names after it ("The Spanish government" for
     * "Le gouvernement de Madrid"), while "a American demonstration" for "une manifestation du Hezbollah" qualifies no word
     * of the original.
     */
    private static boolean standsWhere(String demonym, int start, int end, String t, List<Set<String>> near, Conventions tgt) {
        if (demonym.endsWith("s")) return false;
        // after a determiner, qualifying nothing, it is a people too ("The Spanish have refused" for "Les habitants de Madrid")
        if (tgt.determiner() != null && tgt.determiner().matcher(t.substring(Math.max(0, start - 20), start)).find() && qualifiesNothing(t, end, tgt)
                && !insideName(t, start, end, tgt)) return false;
        Matcher next = WORD.matcher(t);
        if (!next.find(end)) return true;
        String n = plain(next.group());
        for (Set<String> words : near) for (String w : words) if (samePrefix(w, n) || dice(w, n) >= 0.5) return false;
        return true;
    }

    /** Whether the sentence has a demonym (the language's {@code notNames}) that begins as the name does. */
    private static boolean demonymOf(String name, String t, Conventions tgt) {
        if (tgt.notNames() == null) return false;
        String p = plain(name);
        Matcher m = CAPITALIZED.matcher(t);
        while (m.find()) {
            String x = plain(m.group());
            if (x.length() >= 2 && p.length() >= 2 && x.regionMatches(0, p, 0, 2) && tgt.notNames().matcher(m.group()).matches()) return true;
        }
        return false;
    }

    /**
     * Whether a name phrase of the translation holds a rendering of one of the given words of the original beside its word
     * {@code at}; after it when the missing word stands first in the original ("Portico Crystal" for "Ronald Crystal"):
     * English puts last the translation of a French noun that comes first ("Travaux Publics": "Public Works").
     */
    private static boolean nextTo(String[] phrase, int at, List<String> words, String gone, String s, Conventions src) {
        for (String w : words) {
            // a French noun before the missing word may go last in English ("l'Institut Pasteur": "the Pasteur Institute")
            boolean before = place(s, w) < place(s, gone);
            for (int q = 0; q < phrase.length; q++) {
                if (q != at && (before || q > at) && rendered(w, s, src.nameForms(), phrase[q]) > 0) return true;
            }
        }
        return false;
    }

    /**
     * How many words of a passage have the key; with the target's conventions, how many capitalized words that are no
     * demonyms (a demonym renders the original's adjective: "Lebanese" for "libanais", not a second "Lebanon").
     */
    private static int keyCount(String text, String k, Conventions target) {
        int n = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String x = m.group();
            if (target != null && (!Character.isUpperCase(x.charAt(0)) || target.notNames() != null && target.notNames().matcher(x).matches())) continue;
            if (key(x).equals(k)) n++;
        }
        return n;
    }

    /**
     * How many words of the passage the name-form table renders with a word of the key: its names, and the words made
     * from them that share their first letters (Poutine: putin; Bruxelles, bruxelloise: "in Brussels").
     */
    private static int formCount(String text, String k, Conventions src) {
        int n = 0;
        for (Map.Entry<String, String> e : src.nameForms().entrySet()) {
            if (!keys(e.getValue()).contains(k) || !containsWord(text, e.getKey())) continue;
            String own = key(e.getKey());
            Matcher m = WORD.matcher(text);
            int made = 0;
            while (m.find()) if (key(m.group()).equals(own)) made++;
            n += Math.max(count(text, e.getKey()), made);
        }
        return n;
    }

    /** Whether the capitalized words of a phrase (its last {@code words}) have the letters of an acronym of the passage. */
    private static boolean spellsOut(String[] parts, int words, String passage) {
        if (words < 2) return false;
        StringBuilder b = new StringBuilder();
        for (int i = parts.length - words; i < parts.length; i++) b.append(parts[i].charAt(0));
        String initials = b.toString();
        return initialsCount(passage, initials) > 0;
    }

    /** The capitals of a name form of two words or more (United States: US), or null. */
    static String initials(String form) {
        StringBuilder b = new StringBuilder();
        for (String w : form.split("[\\s-]+")) if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) b.append(w.charAt(0));
        return b.length() >= 2 ? b.toString() : null;
    }

    /**
     * Longest acronym looked for, letters: the longest in use are about ten (UNESCO, NASDAQ, ICANN, OSCE),
     * and each letter is a step of the pattern built for it (a "name" of 30,000 capitalized words, from a
     * broken page, built one that overflowed the stack while compiling).
     */
    private static final int MAX_ACRONYM = 12;

    /** How many times the passage writes the initials as a word, with or without dots (US, U.S., US-based). */
    static int initialsCount(String t, String initials) {
        if (initials.length() > MAX_ACRONYM) return 0;
        StringBuilder p = new StringBuilder("(?<![\\p{L}\\p{N}.])");
        for (char ch : initials.toCharArray()) p.append(ch).append("\\.?");
        Matcher m = Pattern.compile(p.append("(?![\\p{L}\\p{N}])").toString()).matcher(t);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /** How many times the passage spells out an acronym: capitalized words with its letters (United Nations: UN). */
    private static int spelledOut(String t, String acronym) {
        if (acronym.length() > MAX_ACRONYM) return 0;
        StringBuilder p = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < acronym.length(); i++) {
            if (i > 0) p.append("\\s+(?:(?:of|and|for|the|on)\\s+)?");
            p.append(acronym.charAt(i)).append("\\p{L}+");
        }
        Matcher m = Pattern.compile(p.toString()).matcher(t);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /** An acronym: two capitals or more at its start (ONU, OPCW, DDoS). */
    private static boolean acronym(String w) {
        return w.length() >= 2 && Character.isUpperCase(w.charAt(0)) && Character.isUpperCase(w.charAt(1));
    }

    private static boolean samePrefix(String a, String b) {
        String x = plain(a);
        String y = plain(b);
        return x.length() >= 3 && y.length() >= 3 && x.regionMatches(0, y, 0, 3);
    }

    /** Two spellings of one name: the same first three letters, or most letter pairs in common. */
    private static boolean alike(String a, String b) {
        String x = plain(a);
        String y = plain(b);
        if (x.length() >= 3 && y.length() >= 3 && x.regionMatches(0, y, 0, 3)) return true;
        return dice(x, y) >= 0.6;
    }

    /** The share of letter pairs two plain words have in common (Dice's coefficient on bigrams). */
    private static double dice(String x, String y) {
        Set<String> bx = new HashSet<>();
        for (int i = 0; i + 2 <= x.length(); i++) bx.add(x.substring(i, i + 2));
        int common = 0;
        Set<String> by = new HashSet<>();
        for (int i = 0; i + 2 <= y.length(); i++) by.add(y.substring(i, i + 2));
        for (String g : by) if (bx.contains(g)) common++;
        return bx.size() + by.size() == 0 ? 0 : 2.0 * common / (bx.size() + by.size());
    }

    /** Whether the word opens its sentence, a quotation or a clause after a colon: capitalized anyway. */
    private static boolean startsUnit(String s, int at) {
        int k = at - 1;
        while (k >= 0 && (Character.isWhitespace(s.charAt(k)) || Character.isSpaceChar(s.charAt(k)))) k--;
        if (k < 0) return true;
        // an apostrophe after a letter is an elision (l'Attorney, d'Afghanistan), not an opening quote
        if ((s.charAt(k) == '\'' || s.charAt(k) == '’') && k > 0 && Character.isLetter(s.charAt(k - 1))) return false;
        // and a hyphen after a letter joins a particle (el-Assad), it opens no clause
        if (s.charAt(k) == '-' && k == at - 1 && k > 0 && Character.isLetter(s.charAt(k - 1))) return false;
        // the full stop of an initial or a title ends no sentence: "M. Chen", "Mr. Mazanga", "J. Smith"
        if (s.charAt(k) == '.' && dev.calque.model.Texts.abbreviationStop(s, k)) return false;
        return "«“\"'‘(:—–-.!?[".indexOf(s.charAt(k)) >= 0;
    }


    private static final Pattern ELIDED = Pattern.compile("(\\p{L})['’](\\p{Lu}.+)");

    private static final Pattern LOWER_NEXT = Pattern.compile("[\\s\\u00A0]+\\p{Ll}");

    /**
     * Whether the capitalized word ending at {@code end} heads a noun phrase that goes on in lower case ("du Conseil
     * italien", "l'Hôtel de Ville", "des Chasseurs alpins"): an institution the language capitalizes, not a name; a
     * name ends its phrase ("dans l'Essex,", "au Hezbollah au Liban", "la France est"): the language's
     * {@link Conventions#clauseGoesOn} words carry its clause on.
     */
    private static boolean headOfPhrase(String s, int end, Conventions src) {
        return LOWER_NEXT.matcher(s).region(end, s.length()).lookingAt()
                && !(src.clauseGoesOn() != null && src.clauseGoesOn().matcher(s).region(end, s.length()).lookingAt());
    }

    /** The article (in lower case, an elided one without its apostrophe) just before {@code at}, or null. */
    private static String articleBefore(String s, int at, Conventions c) {
        int k = at - 1;
        while (k >= 0 && (Character.isWhitespace(s.charAt(k)) || Character.isSpaceChar(s.charAt(k)) || s.charAt(k) == '\'' || s.charAt(k) == '’')) k--;
        int e = k + 1;
        while (k >= 0 && Character.isLetter(s.charAt(k))) k--;
        String a = s.substring(k + 1, e).toLowerCase(Locale.ROOT);
        return e > k + 1 && c.articles().contains(a) ? a : null;
    }

    /** Whether the passage has the word, in any case and without accents. */
    private static boolean ownWord(String text, String word) {
        String p = plain(word);
        Matcher m = WORD.matcher(text);
        while (m.find()) if (plain(m.group()).equals(p)) return true;
        return false;
    }

    private static boolean containsWord(String text, String phrase) {
        return count(text, phrase) > 0;
    }

    /**
     * How many times the phrase stands in the text as whole words (no letter or number just before or after it). Asked
     * for every entry of the name-form table in every sentence, so a plain search, not a pattern compiled each time
     * (that made checking beside the original cost 1.5 times the check alone).
     */
    private static int count(String text, String phrase) {
        int n = 0;
        for (int i = wordAt(text, phrase, 0); i >= 0; i = wordAt(text, phrase, i + phrase.length())) n++;
        return n;
    }

    /** Where the phrase next stands as whole words from {@code from} on, or -1. */
    private static int wordAt(String text, String phrase, int from) {
        if (phrase.isEmpty()) return -1;
        for (int i = text.indexOf(phrase, from); i >= 0; i = text.indexOf(phrase, i + 1)) {
            int end = i + phrase.length();
            if ((i == 0 || !wordChar(text.codePointBefore(i))) && (end == text.length() || !wordChar(text.codePointAt(end)))) return i;
        }
        return -1;
    }

    /** A letter or a number (\p{L}, \p{N}). */
    private static boolean wordChar(int cp) {
        if (Character.isLetter(cp)) return true;
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static String spaces(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2007', ' ');
    }

    private static Set<String> keys(String text) {
        return eachWord(text, NameRule::key);
    }

    private static Set<String> eachWord(String text, java.util.function.UnaryOperator<String> form) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) out.add(form.apply(m.group()));
        return out;
    }

    private static String key(String word) {
        String p = plain(word).replaceAll("[^\\p{L}\\p{N}]", "");
        return p.length() > KEY ? p.substring(0, KEY) : p;
    }

    private static String plain(String s) {
        return Texts.plain(s);
    }
}
