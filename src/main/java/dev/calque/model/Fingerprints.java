package dev.calque.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Identity of a finding that survives edits elsewhere in the article: a hash of the rule id, the
 * flagged passage, the sentence around it (white space and case normalized) and how many times
 * that same triple occurred before it in the article. Offsets and line numbers are left out on
 * purpose, so inserting a paragraph above a finding does not change it. The article's own identity
 * is left out too: the same sentence flagged by the same rule is the same finding wherever it
 * appears (a story republished under another URL keeps its reviewed findings).
 *
 * <p>One implementation for SARIF's {@code partialFingerprints}, baselines and suppressions.
 */
public final class Fingerprints {
    /** The key under which SARIF's {@code partialFingerprints} carries the value. */
    public static final String SARIF_KEY = "calque/v1";

    private Fingerprints() {
    }

    /** Fingerprints of an article's findings, in the same order (the list must be the whole article's). */
    public static List<String> of(List<Finding> findings) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String key = f.rule() + '\u0000' + normalize(f.passage()) + '\u0000' + normalize(f.sentence());
            int occurrence = seen.merge(key, 1, Integer::sum) - 1;
            out.add(hash(key + '\u0000' + occurrence));
        }
        return out;
    }

    static String normalize(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
