package dev.calque.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Shingle F1 of an extraction against the true article text: both texts are cut into Unicode word
 * tokens ({@code \w+}, case kept, punctuation and layout ignored), every run of 4 consecutive tokens is
 * a shingle, and the shingles are compared as multisets (a paragraph extracted twice counts twice).
 * Precision is the share of the extraction's shingles found in the truth, recall the share of the
 * truth's found in the extraction. A text under 4 tokens is one shingle of all its tokens.
 *
 * <p>As a program: {@code java ... dev.calque.ingest.ExtractionShingles OUT_DIR TRUTH_DIR} scores every
 * {@code TRUTH_DIR/PAGE.txt} against {@code OUT_DIR/PAGE.txt} (missing: no text) and prints each page,
 * the mean of the pages' F1 and the F1 of all shingles pooled.
 */
public final class ExtractionShingles {
    static final int N = 4;
    private static final Pattern TOKEN = Pattern.compile("(?U)\\w+");

    /** Shared and total counts of one page. */
    record Score(long shared, long extracted, long truth) {
        double precision() {
            return extracted == 0 ? 0 : shared / (double) extracted;
        }

        double recall() {
            return truth == 0 ? 0 : shared / (double) truth;
        }

        double f1() {
            return shared == 0 ? 0 : 2 * shared / (double) (extracted + truth);
        }
    }

    private ExtractionShingles() {
    }

    static Score score(String extracted, String truth) {
        Map<List<String>, Integer> got = shingles(extracted);
        Map<List<String>, Integer> want = shingles(truth);
        long shared = 0;
        for (Map.Entry<List<String>, Integer> e : got.entrySet()) shared += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
        return new Score(shared, total(got), total(want));
    }

    static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) tokens.add(m.group());
        Map<List<String>, Integer> out = new HashMap<>();
        if (tokens.isEmpty()) return out;
        if (tokens.size() < N) {
            out.put(List.copyOf(tokens), 1);
            return out;
        }
        for (int i = 0; i + N <= tokens.size(); i++) out.merge(List.copyOf(tokens.subList(i, i + N)), 1, Integer::sum);
        return out;
    }

    private static long total(Map<List<String>, Integer> m) {
        long n = 0;
        for (int v : m.values()) n += v;
        return n;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Path truthDir = Path.of(args[1]);
        List<Path> truths;
        try (Stream<Path> s = Files.list(truthDir)) {
            truths = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        double sumF1 = 0;
        long shared = 0;
        long extracted = 0;
        long truth = 0;
        for (Path t : truths) {
            String name = t.getFileName().toString();
            Path o = out.resolve(name);
            String got = Files.exists(o) ? Files.readString(o, StandardCharsets.UTF_8) : "";
            Score s = score(got, Files.readString(t, StandardCharsets.UTF_8));
            System.out.printf("%-50s P %.3f  R %.3f  F1 %.3f%n", name.replaceAll("\\.txt$", ""), s.precision(), s.recall(), s.f1());
            sumF1 += s.f1();
            shared += s.shared();
            extracted += s.extracted();
            truth += s.truth();
        }
        Score pooled = new Score(shared, extracted, truth);
        System.out.printf("%d pages  mean F1 %.3f  pooled P %.3f  R %.3f  F1 %.3f%n", truths.size(),
                truths.isEmpty() ? 0 : sumF1 / truths.size(), pooled.precision(), pooled.recall(), pooled.f1());
    }
}
