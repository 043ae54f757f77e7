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
 * the mean of the pages' precision and recall and the F1 of those two means (each page weighs the same: how
 * public extraction benchmarks report shingle F1), the mean of the pages' F1 and the F1 of all shingles pooled, for all pages and for each half
 * (half A: first hex digit of SHA-1(PAGE) even, as {@code scripts/extract-halves.py} splits).
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
        Map<String, double[]> halves = new java.util.TreeMap<>();
        for (Path t : truths) {
            String name = t.getFileName().toString().replaceAll("\\.txt$", "");
            Path o = out.resolve(name + ".txt");
            String got = Files.exists(o) ? Files.readString(o, StandardCharsets.UTF_8) : "";
            Score s = score(got, Files.readString(t, StandardCharsets.UTF_8));
            System.out.printf("%-50s %s  P %.3f  R %.3f  F1 %.3f%n", name, half(name), s.precision(), s.recall(), s.f1());
            for (String key : List.of("all", "half " + half(name))) {
                double[] sum = halves.computeIfAbsent(key, k -> new double[7]);
                sum[0]++;
                sum[1] += s.f1();
                sum[2] += s.shared();
                sum[3] += s.extracted();
                sum[4] += s.truth();
                sum[5] += s.precision();
                sum[6] += s.recall();
            }
        }
        for (Map.Entry<String, double[]> e : halves.entrySet()) {
            double[] sum = e.getValue();
            Score pooled = new Score((long) sum[2], (long) sum[3], (long) sum[4]);
            double p = sum[5] / sum[0];
            double r = sum[6] / sum[0];
            System.out.printf("%-6s %d pages  mean P %.3f  R %.3f  F1 of the means %.3f  mean F1 %.3f  pooled P %.3f  R %.3f  F1 %.3f%n",
                    e.getKey(), (int) sum[0], p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), sum[1] / sum[0],
                    pooled.precision(), pooled.recall(), pooled.f1());
        }
    }

    /** The half of scripts/extract-halves.py: A when the first hex digit of SHA-1(name) is even. */
    static String half(String name) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-1").digest(name.getBytes(StandardCharsets.UTF_8));
            return ((d[0] >> 4) & 0xf) % 2 == 0 ? "A" : "B";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
