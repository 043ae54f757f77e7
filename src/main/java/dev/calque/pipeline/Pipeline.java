package dev.calque.pipeline;

import dev.calque.check.Checker;
import dev.calque.ingest.ArticleSink;
import dev.calque.ingest.InputProblem;
import dev.calque.ingest.Inputs;
import dev.calque.model.Article;
import dev.calque.model.ArticleResult;
import dev.calque.model.ArticleScore;
import dev.calque.model.CheckedArticle;
import dev.calque.model.Deadline;
import dev.calque.model.Finding;
import dev.calque.model.Fingerprints;
import dev.calque.report.ReportWriter;
import dev.calque.report.RunInfo;
import dev.calque.score.MqmScoring;
import dev.calque.score.QualityGate;
import dev.calque.score.RunSummary;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * ingest → check → score → report, streaming. One thread reads inputs and submits each article to a
 * pool of workers (each with its own LanguageTool, through the shared {@link Checker}), queueing the
 * job's future; the calling thread takes the futures in that order and hands each result to the
 * writers. The queue is bounded, so a bounded number of articles is in flight at any time and memory
 * does not grow with the size of the run.
 */
public final class Pipeline {
    private final Checker checker;
    private final Inputs inputs;
    private final MqmScoring scoring;
    private final QualityGate gate;
    private final List<ReportWriter> writers;
    private final int threads;
    private final Consumer<InputProblem> onProblem;
    private final Progress progress;
    private final Triage triage;
    private final AtomicInteger skipped = new AtomicInteger();
    private volatile boolean cancelled;
    private Duration timeLimit = Duration.ofMinutes(3);
    private FindingCache cache;
    private dev.calque.risk.RiskModel risk;
    private final AtomicLong cacheHits = new AtomicLong();

    /** Hears how the run advances, for a progress display. */
    public interface Progress {
        /** {@code items} written so far (articles and unreadable inputs), with their words. */
        void done(int items, long words);

        /** Reading has finished: the run has {@code total} items in all. */
        default void total(long total) {
        }

        /** The run is over. */
        default void close() {
        }
    }

    public Pipeline(Checker checker, Inputs inputs, MqmScoring scoring, QualityGate gate, List<ReportWriter> writers,
                    int threads, Consumer<InputProblem> onProblem, Progress progress, Triage triage) {
        this.triage = triage;
        this.checker = checker;
        this.inputs = inputs;
        this.scoring = scoring;
        this.gate = gate;
        this.writers = List.copyOf(writers);
        this.threads = Math.max(1, threads);
        this.onProblem = onProblem;
        this.progress = progress;
    }

    /** Processor-time limit for checking one article (default 3 minutes). */
    public Pipeline timeLimit(Duration limit) {
        this.timeLimit = limit;
        return this;
    }

    /**
     * Stops the run promptly: no new input is read, articles not yet started are dropped, and the
     * writers finish with what was done, so every output is still whole.
     */
    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** One unit of work in input order: an article to check, or an input that could not be read. */
    private record Item(Article article, InputProblem problem, dev.calque.bilingual.BilingualArticle bilingual) {
        Item(Article article, InputProblem problem) {
            this(article, problem, null);
        }
    }

    /** Most findings listed for one article in every report ({@link ListedFindings}). */
    public static final int MAX_LISTED = ListedFindings.MAX;

    /** What became of an item: a result, an input problem, or nothing (dropped after cancellation). */
    private record Outcome(ArticleResult result, InputProblem problem, boolean saysCut) {
        Outcome(ArticleResult result, InputProblem problem) {
            this(result, problem, false);
        }
    }

    private static final Outcome DROPPED = new Outcome(null, null);
    private dev.calque.ingest.Originals originals;
    /** Ends the queue of pending outcomes: reading is over and everything read has been queued. */
    private static final Future<Outcome> END_OF_INPUT = CompletableFuture.completedFuture(DROPPED);

    /**
     * Reads, checks and writes. The reader thread submits each item to the workers and queues its
     * future; this thread takes the futures in that order, waits for each, and writes it. The queue is
     * bounded, so the reader waits when the writers fall behind and memory stays flat however long
     * the run.
     */
    public RunSummary run(List<String> sources, RunInfo info) throws IOException {
        long t0 = System.nanoTime();
        RunSummary summary = new RunSummary(scoring);
        for (ReportWriter w : writers) w.start(info);

        BlockingQueue<Future<Outcome>> pending = new ArrayBlockingQueue<>(threads * 8);
        Workers workers = new Workers(threads);
        Thread reader = new Thread(() -> read(sources, pending, workers), "calque-reader");
        reader.setDaemon(true);
        reader.start();

        long written = 0;
        long words = 0;
        java.util.Set<String> cutSaid = new java.util.HashSet<>();
        try {
            for (Future<Outcome> next; (next = nextInOrder(pending)) != END_OF_INPUT; ) {
                Outcome o = outcome(next);
                if (o == DROPPED) continue;
                // an article whose check failed said in its one line that its text had been cut: the cut's own
                // line (queued after the article) is not said again
                if (o.saysCut()) cutSaid.add(o.problem().source());
                if (o.problem() != null && o.problem().cut() && cutSaid.remove(o.problem().source())) continue;
                written++;
                if (o.result() != null) {
                    summary.add(o.result());
                    words += o.result().score().words();
                    for (ReportWriter w : writers) w.article(o.result());
                    triage.reported(o.result().article());
                } else {
                    summary.addUnreadable();
                    onProblem.accept(o.problem());
                    for (ReportWriter w : writers) w.unreadable(o.problem());
                }
                if (progress != null) progress.done((int) written, words);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
        } finally {
            workers.shutdownNow();
        }
        summary.addSkipped(skipped.get());
        if (progress != null) progress.close();
        summary.finish(Duration.ofNanos(System.nanoTime() - t0));
        for (ReportWriter w : writers) w.finish(summary);
        return summary;
    }

    /**
     * The next job in input order; {@link #END_OF_INPUT} once reading is over, or once the run is
     * cancelled and every job queued has been taken (the reader may be stuck in a slow input).
     */
    private Future<Outcome> nextInOrder(BlockingQueue<Future<Outcome>> pending) throws InterruptedException {
        while (true) {
            Future<Outcome> next = pending.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) return next;
            if (cancelled) return END_OF_INPUT;
        }
    }

    /** The reader thread: every admitted article and every unreadable input becomes a job, in input order. */
    private void read(List<String> sources, BlockingQueue<Future<Outcome>> pending, Workers workers) {
        AtomicLong queued = new AtomicLong();
        try {
            inputs.read(sources, new ArticleSink() {
                @Override
                public void article(Article a) {
                    if (!triage.admit(a)) {
                        skipped.incrementAndGet();
                        return;
                    }
                    queue(new Item(a, null));
                }

                @Override
                public void problem(InputProblem p) {
                    queue(new Item(null, p));
                }

                @Override
                public void expected(int documents) {
                    if (progress != null) progress.total(queued.get() + documents);
                }

                private void queue(Item item) {
                    if (cancelled) throw new Cancelled();
                    // an unreadable input needs no checker: said at once, not after LanguageTool is ready
                    Future<Outcome> job = item.problem() != null ? CompletableFuture.completedFuture(process(item))
                            : workers.submit(() -> cancelled ? DROPPED : process(item));
                    try {
                        pending.put(job); // waits while the queue is full: back-pressure on reading
                    } catch (InterruptedException e) {
                        job.cancel(false);
                        Thread.currentThread().interrupt();
                        throw new Cancelled();
                    }
                    queued.incrementAndGet();
                }
            });
        } catch (Cancelled stop) {
            // stop reading; what was queued is still checked (or dropped, when cancelled)
        } finally {
            if (progress != null) progress.total(queued.get());
            putUninterruptibly(pending, END_OF_INPUT);
        }
    }

    /** The job's outcome; a job cancelled before it started was dropped. */
    private static Outcome outcome(Future<Outcome> job) throws InterruptedException {
        try {
            return job.get();
        } catch (java.util.concurrent.CancellationException e) {
            return DROPPED;
        } catch (ExecutionException e) {
            // process() turns every failure into an outcome; an Error thrown through it ends the run
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static <T> void putUninterruptibly(BlockingQueue<T> q, T item) {
        boolean interrupted = false;
        while (true) {
            try {
                q.put(item);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /**
     * The checking threads, each with its own LanguageTool. The first readies its LanguageTool as
     * soon as the run starts, while the inputs are read, and the others take work only once it is
     * ready and has taken the first job: the first article goes to the instance built ahead, and a
     * one-article run builds no second instance beside its check.
     */
    private final class Workers {
        private final ThreadPoolExecutor pool;
        private final CountDownLatch firstReady = new CountDownLatch(1);

        Workers(int threads) {
            AtomicInteger created = new AtomicInteger();
            pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
                int n = created.incrementAndGet();
                Thread t = new Thread(n == 1 ? r : () -> {
                    try {
                        firstReady.await();
                    } catch (InterruptedException e) {
                        return; // the run is over
                    }
                    r.run();
                }, "calque-checker-" + n);
                t.setDaemon(true);
                return t;
            });
            pool.prestartAllCoreThreads(); // the first thread created is the one that warms
            pool.execute(this::warm);
        }

        private void warm() {
            try {
                checker.warm();
            } catch (RuntimeException e) {
                // LanguageTool could not be readied: each article's check tries again and, failing,
                // reports the reason for that article
                firstReady.countDown();
            } catch (Error e) {
                firstReady.countDown();
                throw e;
            }
        }

        Future<Outcome> submit(Callable<Outcome> job) {
            return pool.submit(() -> {
                firstReady.countDown(); // the first thread has taken a job: the others may start
                return job.call();
            });
        }

        void shutdownNow() {
            pool.shutdownNow();
        }
    }

    private Outcome process(Item item) {
        if (item.problem() != null) return new Outcome(null, item.problem());
        Article a = item.article();
        int cutFrom = inputs.reader().cutFrom(a.source());
        try {
            long t0 = System.nanoTime();
            long cpu0 = Deadline.clock();
            dev.calque.bilingual.BilingualArticle b = item.bilingual();
            String pairNote = null;
            // alignment with the original is part of the article's budget, as the check and the risk step are
            Deadline.start(timeLimit.toNanos(), this::cancelled);
            try {
                if (b == null && a.bilingual() != null) b = dev.calque.bilingual.FileSegments.pair(a); // a bilingual file holds its original
                if (b == null && originals != null) {
                    dev.calque.ingest.Originals.Match m = originals.pair(a, cutFrom);
                    b = m.article();
                    pairNote = m.note();
                }
            } finally {
                Deadline.clear();
            }
            CheckedArticle all = checkOrRecall(a, b, Duration.ofNanos(Deadline.left(timeLimit.toNanos(), cpu0)));
            long took = System.nanoTime() - t0;
            Triage.Kept kept = triage.keep(a, all.findings(), Fingerprints.of(all.findings()));
            CheckedArticle checked = all.withFindings(kept.findings());
            ArticleScore score = scoring.score(checked.findings(), checked.words());
            if (risk != null) {
                // under what is left of the article's budget: the step reads the text and the original again
                dev.calque.risk.RiskModel.Assessed assessed;
                Deadline.start(Deadline.left(timeLimit.toNanos(), cpu0), this::cancelled);
                try {
                    assessed = risk.assess(a.text(), b == null ? null : b.paragraphOriginals(), checked.findings());
                } finally {
                    Deadline.clear();
                }
                checked = checked.withFindings(assessed.findings());
                score = score.withRisk(assessed.risk());
            }
            String note = cutFrom != 0
                    ? "text cut to the size limit; only the first part was checked" : null;
            if (pairNote != null) note = note == null ? pairNote : note + "; " + pairNote;
            boolean failed = gate.fails(checked.findings(), score);
            List<String> fingerprints = kept.fingerprints();
            ListedFindings listed = ListedFindings.of(checked.findings(), fingerprints);
            note = listed.joined(note);
            checked = checked.withFindings(listed.findings());
            fingerprints = listed.fingerprints();
            return new Outcome(new ArticleResult(checked, score, failed, note,
                    kept.suppressed(), fingerprints, took), null);
        } catch (Checker.Stopped e) {
            return DROPPED;
        } catch (Checker.TimeLimitExceeded | Deadline.Exceeded e) {
            if (cancelled()) return DROPPED;
            boolean cut = cutFrom != 0;
            return new Outcome(null, new InputProblem(a.source(), a.group(), "checking took more than the limit of "
                    + timeLimit.toSeconds() + " s of processor time" + (cut ? ", even on the first part of its text kept at"
                    + " --max-text-chars" : "") + "; not checked (raise it with --timeout)"), cut);
        } catch (RuntimeException | StackOverflowError e) {
            org.slf4j.LoggerFactory.getLogger(Pipeline.class).warn("checking {} failed", a.source(), e);
            // Java's regex engine recurses once per turn of a repeated alternation ((?:x|y)+ over 20,000 letters)
            String why = e instanceof StackOverflowError ? "a rule's regular expression recursed too deeply on this text"
                    + " (a very long run without a break?)"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return new Outcome(null, new InputProblem(a.source(), a.group(), "checking failed: " + why));
        }
    }

    private CheckedArticle checkOrRecall(Article a, dev.calque.bilingual.BilingualArticle b, Duration timeLimit) {
        if (cache == null) return b != null ? checker.check(b, timeLimit, this::cancelled) : checker.check(a, timeLimit, this::cancelled);
        // hashed once for both the look-up and the store; an original changes the findings too, and so do
        // a bilingual file's inline codes and ids
        String key = cache.key(b == null ? a.text() : a.text() + "\u0000original\u0000" + b.original().text()
                + (a.bilingual() == null ? "" : "\u0000" + a.bilingual().identity()));
        List<Finding> known = cache.get(key);
        if (known != null) {
            cacheHits.incrementAndGet();
            return new CheckedArticle(b != null ? Checker.articleOf(b) : a, known, a.wordCount(), b != null ? b.aligned() : null);
        }
        CheckedArticle checked = b != null ? checker.check(b, timeLimit, this::cancelled) : checker.check(a, timeLimit, this::cancelled);
        cache.put(key, checked.findings());
        return checked;
    }

    /** Checks each article beside its original, found by {@code originals} (see {@code --source}). */
    public Pipeline originals(dev.calque.ingest.Originals originals) {
        this.originals = originals;
        return this;
    }

    /** Estimates each finding's confidence and each article's risk with this model (null: none). */
    public Pipeline risk(dev.calque.risk.RiskModel model) {
        this.risk = model;
        return this;
    }

    /** Serves unchanged articles from a findings cache (see {@link FindingCache}). */
    public Pipeline cache(FindingCache cache) {
        this.cache = cache;
        return this;
    }

    /** Articles whose findings came from the cache. */
    public long cacheHits() {
        return cacheHits.get();
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
