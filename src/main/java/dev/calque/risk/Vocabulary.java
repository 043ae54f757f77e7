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
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The English words of the training translations that the model was not fitted on (half of the
 * training documents, see {@link Train}), seen at least twice: a word outside it is rare in
 * translated English, and segments full of such words hold more major errors than their length
 * says (measured: docs/risk.md). Shipped beside the model as {@code vocabulary.txt.gz}.
 */
public final class Vocabulary {
    public static final String RESOURCE = "/dev/calque/risk/vocabulary.txt.gz";
    private static volatile Set<String> bundled;

    private Vocabulary() {
    }

    public static Set<String> bundled() {
        Set<String> v = bundled;
        if (v == null) {
            try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("the risk model's " + RESOURCE + " is missing from the jar");
                v = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = v;
        }
        return v;
    }

    static Set<String> read(InputStream raw) throws IOException {
        Set<String> out = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) if (!line.isBlank()) out.add(line.strip());
        }
        return out;
    }

    static void write(Set<String> words, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
            for (String s : new TreeSet<>(words)) {
                w.write(s);
                w.write('\n');
            }
        }
    }

    /** Sets the vocabulary used by the features (training installs its own before fitting). */
    static void install(Set<String> words) {
        bundled = Set.copyOf(words);
    }
}
