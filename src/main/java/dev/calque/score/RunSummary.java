package dev.calque.score;

import dev.calque.model.ArticleResult;
import dev.calque.model.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Totals over a run, built as results arrive. */
public final class RunSummary {
    private final MqmScoring scoring;
    private int articles;
    private int failed;
    private int unreadable;
    private int suppressed;
    private int skipped;
    private long words;
    private double penalty;
    private final Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    private Duration elapsed = Duration.ZERO;

    public RunSummary(MqmScoring scoring) {
        this.scoring = scoring;
    }

    public void add(ArticleResult r) {
        articles++;
        if (r.failed()) failed++;
        words += r.score().words();
        penalty += r.score().penalty();
        r.score().counts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
        suppressed += r.suppressed();
    }

    /** Articles not checked because the state file shows them unchanged since an earlier run. */
    public void addSkipped(int n) {
        skipped += n;
    }

    /** Findings left out because a baseline or suppressions file accepted them. */
    public int suppressed() {
        return suppressed;
    }

    public int skipped() {
        return skipped;
    }

    public void addUnreadable() {
        unreadable++;
    }

    public void finish(Duration d) {
        elapsed = d;
    }

    public int articles() {
        return articles;
    }

    public int failed() {
        return failed;
    }

    public int unreadable() {
        return unreadable;
    }

    public long words() {
        return words;
    }

    public int count(Severity s) {
        return counts.getOrDefault(s, 0);
    }

    public int findings() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** Aggregate MQM score over all words of the run. */
    public double score() {
        return words == 0 ? 100.0 : scoring.normalize(penalty, (int) Math.min(Integer.MAX_VALUE, words));
    }

    /** The one-line verdict the console ends with. */
    public String verdict() {
        return String.format(java.util.Locale.ROOT,
                "%d article%s checked%s, %d failed%s · %d critical, %d major, %d minor%s · MQM score %.1f · %.1f s",
                articles, articles == 1 ? "" : "s", skipped > 0 ? " (" + skipped + " unchanged, skipped)" : "",
                failed, unreadable > 0 ? ", " + unreadable + " unreadable" : "",
                count(Severity.CRITICAL), count(Severity.MAJOR), count(Severity.MINOR),
                suppressed > 0 ? " (" + suppressed + " suppressed by baseline/suppressions)" : "", score(),
                elapsed.toMillis() / 1000.0);
    }
}
