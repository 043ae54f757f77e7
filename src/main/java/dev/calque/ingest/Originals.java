package dev.calque.ingest;

import dev.calque.bilingual.BilingualArticle;
import dev.calque.bilingual.Original;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import dev.calque.model.Article;
import dev.calque.model.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds the original of each translated article given with {@code --source SRC}. With one target file,
 * SRC (a file) is its original. With folders, SRC mirrors the target folder: the original of
 * {@code TARGET/a/b.txt} is {@code SRC/a/b.<any extension>} (so {@code b.fr.txt} or {@code b.html}); where
 * several files qualify, the one with the target's own extension wins, then the first by name. Originals
 * are read as any input is (any format Calque reads, within the same limits).
 */
public final class Originals {
    private final Path root;
    private final boolean single;
    private final String language;
    private final DocumentReader reader;
    private final IngestLimits limits;
    private final Set<Path> used = ConcurrentHashMap.newKeySet();

    /** What pairing gave for one article: the article with its original, or a note saying why it has none. */
    public record Match(BilingualArticle article, String note) {
    }

    /**
     * @param source   the {@code --source} path, a file or a folder
     * @param language the originals' ISO 639-1 code, or {@code auto} to detect it from each original
     */
    public Originals(Path source, String language, IngestLimits limits) {
        this.root = source;
        this.single = Files.isRegularFile(source);
        this.language = language;
        this.limits = limits;
        this.reader = new DocumentReader(limits);
    }

    /** The original of an article and their alignment, or a note (unpaired, unreadable original). */
    public Match pair(Article a) {
        return pair(a, 0);
    }

    /**
     * The same for an article whose text may have been cut at {@code --max-text-chars}: {@code cutFrom} is 0 when
     * it was not, else its length before the cut (-1: not known; see {@link DocumentReader#cutFrom}). The original
     * is then cut too, to the kept share of the translation and a margin, since an aligner that sees the whole
     * original spreads the kept text over it; then after the last passage the kept text renders
     * ({@link BilingualArticle#ofCut}).
     */
    public Match pair(Article a, int cutFrom) {
        Path original = find(a);
        if (original == null) {
            return new Match(null, "no original under " + root + ": checked as a translation alone");
        }
        used.add(original.toAbsolutePath().normalize());
        try {
            long size = Files.size(original);
            if (size > limits.maxInputBytes()) return new Match(null, "original " + original + " is larger than the input limit");
            List<Article> read = reader.read(Files.readAllBytes(original), original.getFileName().toString(),
                    original.toString(), root.toString(), null);
            if (read.isEmpty()) return new Match(null, "original " + original + " has no text");
            String text = read.get(0).text();
            String lang = "auto".equals(language) ? detect(text) : language;
            if (cutFrom > 0) text = share(text, (double) a.text().length() / cutFrom);
            Original o = Original.of(original.toString(), lang, text);
            return new Match(cutFrom != 0 ? BilingualArticle.ofCut(a, o) : BilingualArticle.of(a, o), null);
        } catch (IOException | DocumentReader.Unreadable e) {
            return new Match(null, "original " + original + " cannot be read (" + e.getMessage() + "): checked as a translation alone");
        }
    }

    /**
     * The start of {@code text} up to its first {@code share} and a twentieth more, ended at the end of a sentence:
     * a translation cut inside a paragraph ends inside the paragraph's original too, so the aligner pairs the two
     * partial paragraphs by their lengths.
     */
    static String share(String text, double share) {
        int want = (int) Math.min(text.length(), Math.ceil(text.length() * Math.min(1, share * 1.05)));
        for (int[] p : Texts.paragraphs(text)) {
            if (p[1] < want) continue;
            for (dev.calque.bilingual.TextSpan s : dev.calque.bilingual.Sentences.of(text, p[0], p[1])) {
                if (s.end() >= want) return text.substring(0, s.end());
            }
            return text.substring(0, p[1]);
        }
        return text;
    }

    /** Files under the source folder that no checked article took as its original, in path order. */
    public List<Path> orphans() {
        if (single) return used.isEmpty() ? List.of(root) : List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !used.contains(p.toAbsolutePath().normalize())).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Path find(Article a) {
        if (single) return root;
        Path target;
        Path group;
        try {
            target = Path.of(a.source());
            group = Path.of(a.group());
        } catch (RuntimeException notAPath) {
            return null; // a URL, standard input or a feed item: nothing to mirror
        }
        Path rel = Files.isDirectory(group) && target.startsWith(group) ? group.relativize(target) : target.getFileName();
        if (rel == null) return null;
        Path dir = rel.getParent() == null ? root : root.resolve(rel.getParent());
        String name = rel.getFileName().toString();
        int dot = name.indexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String ext = name.lastIndexOf('.') < 0 ? "" : name.substring(name.lastIndexOf('.'));
        if (!Files.isDirectory(dir)) return null;
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return n.equals(stem) || n.startsWith(stem + ".");
            }).sorted().forEach(candidates::add);
        } catch (IOException e) {
            return null;
        }
        // a link out of the source folder is no original: it could name any file (Inputs.LINK_OUT)
        try {
            Path realRoot = root.toRealPath();
            candidates.removeIf(p -> Inputs.outside(p, realRoot));
        } catch (IOException e) {
            return null;
        }
        // beside its translation (same folder, same stem) the translation itself is no original
        candidates.removeIf(p -> p.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize()));
        if (candidates.isEmpty()) return null;
        for (Path p : candidates) if (p.getFileName().toString().endsWith(ext) && !ext.isEmpty()) return p;
        return candidates.get(0);
    }

    /**
     * The language most of the originals under a path are in (at most five are read), for {@code --from auto}.
     *
     * @throws IllegalArgumentException when it cannot be told
     */
    public static String detectLanguage(Path source) {
        List<Path> files;
        if (Files.isRegularFile(source)) {
            files = List.of(source);
        } else {
            try (Stream<Path> s = Files.walk(source)) {
                files = s.filter(Files::isRegularFile).sorted().limit(5).toList();
            } catch (IOException e) {
                files = List.of();
            }
        }
        java.util.Map<String, Integer> votes = new java.util.TreeMap<>();
        DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);
        for (Path f : files) {
            try {
                for (Article a : reader.read(Files.readAllBytes(f), f.getFileName().toString(), f.toString(), f.toString(), null)) {
                    String lang = detect(a.text());
                    if (!lang.equals("auto")) votes.merge(lang, 1, Integer::sum);
                    break;
                }
            } catch (IOException | DocumentReader.Unreadable e) {
                // an unreadable original is reported when its translation is checked
            }
        }
        return votes.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey)
                .orElseThrow(() -> new IllegalArgumentException("--from auto: cannot tell the language of the originals under "
                        + source + "; give it with --from"));
    }

    /** The language of a text by Optimaize's detector (as Tika uses it), or {@code auto} when it cannot tell. */
    static String detect(String text) {
        List<DetectedLanguage> found = Detector.INSTANCE.getProbabilities(text.length() > 5000 ? text.substring(0, 5000) : text);
        if (found.isEmpty() || found.get(0).getProbability() < 0.5) return "auto";
        return found.get(0).getLocale().getLanguage();
    }

    private static final class Detector {
        static final LanguageDetector INSTANCE = load();

        private static LanguageDetector load() {
            try {
                return LanguageDetectorBuilder.create(NgramExtractors.standard())
                        .withProfiles(new LanguageProfileReader().readAllBuiltIn()).build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load language profiles", e);
            }
        }
    }
}
