package dev.calque.risk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The English words of the training translations that the model was not fitted on (half of the
 * training documents, see {@link Train}), seen at least twice, with how often: a word outside it is
 * rare in translated English, and segments full of rare words (terms a system had to translate)
 * hold more major errors than their length says (measured: docs/risk.md). Shipped beside the model
 * as {@code vocabulary.txt.gz}, one {@code word<TAB>count} a line, sorted.
 */
public final class Vocabulary {
    public static final String RESOURCE = "/dev/calque/risk/vocabulary.txt.gz";
    /**
     * The Chinese and Japanese characters and character pairs of the training originals (distinct
     * sources of the same half): a source full of characters the training systems rarely met (names,
     * places, news terms) holds more major errors in its translation than its length says.
     */
    public static final String SOURCE_RESOURCE = "/dev/calque/risk/source-characters.txt.gz";
    private static volatile Vocabulary bundled;
    private static volatile Vocabulary bundledSource;

    private final Map<String, Integer> counts;
    private final double total;
    /** Counts and kinds of the one-character entries (the source characters' file also holds pairs). */
    private final double characterTotal, characterKinds;

    Vocabulary(Map<String, Integer> counts) {
        this.counts = Map.copyOf(counts);
        long t = 0, ct = 0, ck = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            t += e.getValue();
            if (e.getKey().length() == 1) {
                ct += e.getValue();
                ck++;
            }
        }
        this.total = t;
        this.characterTotal = ct;
        this.characterKinds = ck;
    }

    public static Vocabulary bundled() {
        Vocabulary v = bundled;
        if (v == null) bundled = v = resource(RESOURCE);
        return v;
    }

    /** The training originals' CJK characters and character pairs ({@link #SOURCE_RESOURCE}), read once. */
    public static Vocabulary bundledSource() {
        Vocabulary v = bundledSource;
        if (v == null) bundledSource = v = resource(SOURCE_RESOURCE);
        return v;
    }

    private static Vocabulary resource(String name) {
        try (InputStream in = Vocabulary.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the risk model's " + name + " is missing from the jar");
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How often the entry was counted (0 when it was not). */
    public int count(String entry) {
        return counts.getOrDefault(entry, 0);
    }

    public boolean contains(String lowerCaseWord) {
        return counts.containsKey(lowerCaseWord);
    }

    /**
     * The word's surprisal in nats under the training unigram distribution, a word outside the
     * vocabulary counted as seen once (half of the rarest kept): about 3 for "the", 15 for an unseen word.
     */
    public double surprisal(String lowerCaseWord) {
        int c = counts.getOrDefault(lowerCaseWord, 1);
        return -Math.log(c / (total + counts.size()));
    }

    /**
     * A single character's surprisal in nats among the one-character entries (an unseen character
     * counted as half a sighting).
     */
    public double characterSurprisal(char c) {
        int n = counts.getOrDefault(String.valueOf(c), 0);
        return -Math.log((n + 0.5) / (characterTotal + characterKinds + 1));
    }

    public int size() {
        return counts.size();
    }

    static Vocabulary read(InputStream raw) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                int tab = line.indexOf('\t');
                try {
                    out.put(line.substring(0, tab < 0 ? line.length() : tab).strip(),
                            tab < 0 ? 2 : Math.max(1, Integer.parseInt(line.substring(tab + 1).strip())));
                } catch (NumberFormatException e) {
                    throw new IOException(RESOURCE + ":" + n + ": the count is not a number");
                }
            }
        }
        return new Vocabulary(out);
    }

    static void write(Map<String, Integer> counts, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // a fixed gzip header (no timestamp) keeps the file byte-identical on a rerun
        try (Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Integer> e : new TreeMap<>(counts).entrySet()) {
                w.write(e.getKey());
                w.write('\t');
                w.write(Integer.toString(e.getValue()));
                w.write('\n');
            }
        }
    }

    /** Sets the vocabulary used by the features (training installs its own before fitting). */
    static void install(Map<String, Integer> counts) {
        bundled = new Vocabulary(counts);
    }

    /** Sets the source characters used by the features (training installs its own before fitting). */
    static void installSource(Map<String, Integer> counts) {
        bundledSource = new Vocabulary(counts);
    }
}
