package dev.calque.serve;

import dev.calque.model.CheckedArticle;
import dev.calque.model.Deadline;
import dev.calque.check.Checker;
import dev.calque.model.Article;
import dev.calque.pipeline.Triage;
import dev.calque.report.ReportWriter;
import dev.calque.report.RunInfo;
import dev.calque.model.ArticleResult;
import dev.calque.model.ArticleScore;
import dev.calque.model.Fingerprints;
import dev.calque.score.MqmScoring;
import dev.calque.score.QualityGate;
import dev.calque.score.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The warm checker pool behind every endpoint: a fixed set of checking threads, each holding its own
 * LanguageTool (through the shared {@link Checker}), warmed when the service starts, fed from a bounded
 * queue. A request that finds the queue full is refused at once ({@link Busy}) rather than left to wait.
 *
 * <p>Results are scored, gated and triaged (suppressions, left-out categories) exactly as {@code calque
 * check} does, so an endpoint can hand them to any {@link ReportWriter}.
 */
public final class CheckService implements AutoCloseable {
    private final Checker checker;
    private final CheckerFactory others;
    private final Map<String, Checker> checkers = new ConcurrentHashMap<>();
    private final Function<Checker, RunInfo> runInfo;
    private final MqmScoring scoring;
    private final QualityGate gate;
    private final Triage triage;
    private final Duration timeLimit;
    private final ThreadPoolExecutor pool;
    private final CountDownLatch warmed;

    /** The queue is full: the caller should answer 503 with {@code Retry-After}. */
    public static final class Busy extends RuntimeException {
        public Busy() {
            super("the server is busy; try again shortly");
        }
    }

    /** Builds the checker of another language pair, with the same settings as the server's own. */
    public interface CheckerFactory {
        Checker build(String target, String source);
    }

    /**
     * @param checker   the checker of the server's own languages (warmed on every thread at start)
     * @param others    builds checkers for other target/source languages on first use; null to refuse them
     * @param runInfo   what reports are told about a run with a checker (versions, rules, scoring, gate, start)
     * @param timeLimit processor-time limit of one check (as {@code check --timeout}); the wall-clock wait of a
     *                  request is bounded by twice this
     * @param threads   checking threads (one LanguageTool each)
     * @param queue     checks that may wait for a thread; beyond that requests are refused
     */
    public CheckService(Checker checker, CheckerFactory others, Function<Checker, RunInfo> runInfo, MqmScoring scoring,
                        QualityGate gate, Triage triage, Duration timeLimit, int threads, int queue) {
        this.checker = checker;
        this.others = others;
        this.runInfo = runInfo;
        checkers.put(key(checker.target(), checker.source()), checker);
        this.scoring = scoring;
        this.gate = gate;
        this.triage = triage;
        this.timeLimit = timeLimit;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(1, queue)),
                r -> {
                    Thread t = new Thread(r, "calque-check-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.warmed = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                try {
                    checker.warm();
                } finally {
                    warmed.countDown();
                }
            });
        }
    }

    private volatile dev.calque.risk.RiskModel risk;

    /** Estimates each finding's confidence and each article's risk with this model, as {@code check} does. */
    public CheckService risk(dev.calque.risk.RiskModel model) {
        this.risk = model;
        return this;
    }

    /** Waits until every checking thread has its LanguageTool ready (the server starts answering after this). */
    public void awaitWarm() throws InterruptedException {
        warmed.await();
    }

    public Checker checker() {
        return checker;
    }

    /**
     * The checker for a target and source language (null for the server's own), built on first use.
     *
     * @throws Exchanges.Refusal 400 when the languages are unknown or the server checks only its own
     */
    public Checker checker(String target, String source) {
        String t = target == null ? checker.target() : target;
        String s = source == null ? checker.source() : source;
        Checker c = checkers.get(key(t, s));
        if (c != null) return c;
        if (others == null) {
            throw new Exchanges.Refusal(400, "this server checks " + checker.target() + " translated from "
                    + checker.source() + " only");
        }
        try {
            return checkers.computeIfAbsent(key(t, s), k -> others.build(t, s));
        } catch (IllegalArgumentException e) {
            throw new Exchanges.Refusal(400, e.getMessage());
        }
    }

    private static String key(String target, String source) {
        return target + "<" + source;
    }

    /** What reports are told about a one-article run with this checker, starting now. */
    public RunInfo runInfo(Checker c) {
        return runInfo.apply(c);
    }

    /** Processor-time limit of one check. */
    public Duration timeLimit() {
        return timeLimit;
    }

    public MqmScoring scoring() {
        return scoring;
    }

    public QualityGate gate() {
        return gate;
    }

    /**
     * Checks an article on a pooled thread and scores it as {@code calque check} would.
     *
     * @throws Busy                      when the queue is full
     * @throws Checker.TimeLimitExceeded when the check ran past the time limit
     */
    public ArticleResult check(Article article) {
        return check(article, checker);
    }

    /** As {@link #check(Article)}, with another checker (see {@link #checker(String, String)}). */
    public ArticleResult check(Article article, Checker checker) {
        return check(article, null, checker);
    }

    /** As {@link #check(Article, Checker)}, beside the article's original when {@code original} is not null. */
    public ArticleResult check(Article article, dev.calque.bilingual.Original original, Checker checker) {
        return onPool(() -> {
            long t0 = System.nanoTime();
            long cpu0 = Deadline.clock();
            // as the pipeline of `calque check` does: the alignment with the original, the check and the risk
            // step share the article's one budget of processor time, and the article is aligned once
            dev.calque.bilingual.BilingualArticle paired = null;
            if (original != null || article.bilingual() != null) {
                Deadline.start(timeLimit.toNanos());
                try {
                    paired = original != null ? dev.calque.bilingual.BilingualArticle.of(article, original)
                            : dev.calque.bilingual.FileSegments.pair(article);
                } catch (Deadline.Exceeded e) {
                    throw new Checker.TimeLimitExceeded("time limit reached");
                } finally {
                    Deadline.clear();
                }
            }
            Duration left = Duration.ofNanos(Deadline.left(timeLimit.toNanos(), cpu0));
            CheckedArticle all = paired == null ? checker.check(article, left) : checker.check(paired, left);
            long took = System.nanoTime() - t0;
            Triage.Kept kept = triage.keep(article, all.findings(), Fingerprints.of(all.findings()));
            CheckedArticle checked = new CheckedArticle(all.article(), kept.findings(), all.words());
            ArticleScore score = scoring.score(checked.findings(), checked.words());
            if (risk != null) {
                dev.calque.risk.RiskModel.Assessed assessed;
                Deadline.start(Deadline.left(timeLimit.toNanos(), cpu0));
                try {
                    assessed = risk.assess(article.text(), paired == null ? null : paired.paragraphOriginals(), checked.findings());
                } catch (Deadline.Exceeded e) {
                    throw new Checker.TimeLimitExceeded("time limit reached");
                } finally {
                    Deadline.clear();
                }
                checked = new CheckedArticle(checked.article(), assessed.findings(), checked.words());
                score = score.withRisk(assessed.risk());
            }
            boolean failed = gate.fails(checked.findings(), score);
            // as calque check lists them: every answer (JSON, SARIF, the desk, LanguageTool's API) grows with each
            dev.calque.pipeline.ListedFindings listed = dev.calque.pipeline.ListedFindings.of(checked.findings(),
                    kept.fingerprints());
            return new ArticleResult(checked.withFindings(listed.findings()), score, failed, listed.note(),
                    kept.suppressed(), listed.fingerprints(), took);
        });
    }

    /** Checks a plain text (as a {@code .txt} file would be read). */
    public ArticleResult check(String name, String text) {
        return check(Article.ofText(name, text));
    }

    /** Writes one checked article as a whole one-article run: what {@code calque check -f FORMAT} writes. */
    public void write(ArticleResult result, Checker checker, ReportWriter writer) throws IOException {
        RunSummary summary = new RunSummary(scoring);
        writer.start(runInfo(checker));
        writer.article(result);
        summary.add(result);
        summary.finish(Duration.ofNanos(result.checkNanos()));
        writer.finish(summary);
    }

    /** Runs any work on a checking thread (its LanguageTool is {@code checker}'s for that thread). */
    public <T> T onPool(Callable<T> work) {
        Future<T> f;
        try {
            f = pool.submit(work);
        } catch (RejectedExecutionException e) {
            throw new Busy();
        }
        try {
            // the check's own limit counts processor time; this bounds the wait on a loaded machine
            return f.get(timeLimit.toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new Checker.TimeLimitExceeded("time limit reached");
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new Busy();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            if (c instanceof IOException io) throw new UncheckedIOException(io);
            throw new IllegalStateException(c);
        }
    }

    /** Checks waiting for a thread now. */
    public int queued() {
        return pool.getQueue().size();
    }

    /** Lets queued and running checks finish (within {@code grace}), then stops the threads. */
    public void shutdown(Duration grace) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) pool.shutdownNow();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(5));
    }
}
