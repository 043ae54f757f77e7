package dev.calque.pipeline;

import dev.calque.model.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The findings an article's report lists: all of them up to {@link #MAX}, else the most severe (then the first
 * in the text), kept in text order, with a note saying so. One place for the cap, used by {@code calque check}
 * and by the server (docs/security.md, rounds eight and nine).
 *
 * @param note null when every finding is listed
 */
public record ListedFindings(List<Finding> findings, List<String> fingerprints, String note) {

    /**
     * Most findings listed for one article in every report: a real story has tens; a text of the same
     * paragraph repeated thousands of times has tens of thousands, and each report (an Allure step, a SARIF
     * result, a server's answer) grows with every one.
     */
    public static final int MAX = 1_000;

    /** The findings to list, one fingerprint per finding (same order). */
    public static ListedFindings of(List<Finding> found, List<String> fingerprints) {
        if (found.size() <= MAX) return new ListedFindings(found, fingerprints, null);
        // the score and the gate have counted them all; the reports list the most severe
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) order.add(i);
        order.sort(Comparator.comparing((Integer i) -> found.get(i).severity()).reversed().thenComparingInt(i -> i));
        List<Integer> listed = new ArrayList<>(order.subList(0, MAX));
        Collections.sort(listed);
        List<Finding> f = new ArrayList<>(MAX);
        List<String> p = new ArrayList<>(MAX);
        for (int i : listed) {
            f.add(found.get(i));
            p.add(fingerprints.get(i));
        }
        return new ListedFindings(f, p, String.format(Locale.ROOT, "%,d findings: only the %,d most severe are listed"
                + " (the score and the gate count them all)", found.size(), MAX));
    }

    /** {@code note} and the cap's note, joined; either may be null. */
    public String joined(String note) {
        return this.note == null ? note : note == null ? this.note : note + "; " + this.note;
    }
}
