package dev.calque.risk;

import dev.calque.model.Texts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * A bilingual dictionary of one source language into English, for the adequacy feature of the
 * segment risk ({@link Features#dictionaryCoverage}): per one-word headword (lower case, accents kept)
 * the stems of a few English translations. Made from FreeDict by {@code scripts/risk-dictionaries.py};
 * read from the classpath ({@code /dev/calque/risk/dictionary-xx.tsv.gz}), never from the system.
 *
 * <p>Matching is crude on purpose: a stem is the word in lower case without accents, a plural -s or
 * -es stripped, cut to five letters. A source word is looked up as it stands, then without -s, -x or
 * -e, then without -es, -en or -er, then (seven letters or more) through any headword sharing its
 * first six letters.
 */
final class Dictionary {
    private static final Map<String, Dictionary> LOADED = new ConcurrentHashMap<>();
    private static final Dictionary NONE = new Dictionary(Map.of());

    private final Map<String, Set<String>> table;
    private final Map<String, Set<String>> byPrefix = new HashMap<>();

    Dictionary(Map<String, Set<String>> table) {
        this.table = table;
        table.forEach((head, stems) -> {
            if (head.length() >= 6) byPrefix.computeIfAbsent(head.substring(0, 6), k -> new HashSet<>()).addAll(stems);
        });
    }

    /** The dictionary of a source language (ISO 639-1, e.g. "fr"), or {@code null} when Calque has none. */
    static Dictionary of(String language) {
        if (language == null || !language.matches("[a-z]{2}")) return null;
        Dictionary d = LOADED.computeIfAbsent(language, Dictionary::resource);
        return d == NONE ? null : d;
    }

    private static Dictionary resource(String language) {
        String name = "/dev/calque/risk/dictionary-" + language + ".tsv.gz";
        try (InputStream in = Dictionary.class.getResourceAsStream(name)) {
            if (in == null) return NONE;
            Map<String, Set<String>> table = new HashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab <= 0) continue;
                Set<String> stems = new HashSet<>();
                for (String w : line.substring(tab + 1).split(" ")) if (!w.isEmpty()) stems.add(stem(w));
                table.put(line.substring(0, tab), stems);
            }
            return new Dictionary(table);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name, e);
        }
    }

    static String stem(String word) {
        String w = Texts.plain(word);
        if (w.length() > 4 && w.endsWith("es")) w = w.substring(0, w.length() - 2);
        else if (w.length() > 3 && w.endsWith("s")) w = w.substring(0, w.length() - 1);
        return w.length() > 5 ? w.substring(0, 5) : w;
    }

    /** The translation stems of a lower-case source word, or {@code null} when the dictionary lacks it. */
    Set<String> lookup(String w) {
        Set<String> t = table.get(w);
        if (t != null) return t;
        if (w.endsWith("s") || w.endsWith("x") || w.endsWith("e")) {
            t = table.get(w.substring(0, w.length() - 1));
            if (t != null) return t;
        }
        if (w.endsWith("es") || w.endsWith("en") || w.endsWith("er")) {
            t = table.get(w.substring(0, w.length() - 2));
            if (t != null) return t;
        }
        return w.length() >= 7 ? byPrefix.get(w.substring(0, 6)) : null;
    }
}
