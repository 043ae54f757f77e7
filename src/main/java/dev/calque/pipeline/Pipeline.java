package dev.calque.pipeline;

import dev.calque.check.CheckedArticle;
import dev.calque.check.Checker;
import dev.calque.ingest.Article;
import dev.calque.ingest.ArticleSink;
import dev.calque.ingest.InputProblem;
import dev.calque.ingest.Inputs;
import dev.calque.report.ReportWriter;
import dev.calque.report.RunInfo;
import dev.calque.score.ArticleResult;
import dev.calque.score.ArticleScore;
import dev.calque.score.Fingerprints;
import dev.calque.score.MqmScoring;
import dev.calque.score.QualityGate;
import dev.calque.score.RunSummary;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * ingest → check → score → report, streaming. One thread reads inputs; a pool of workers checks
 * articles (each worker with its own LanguageTool, through the shared {@link Checker}); the calling
 * thread hands results to the writers in input order. A bounded number of articles is in flight at
 * any time, so memory does not grow with the size of the run.
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
    private final java.util.concurrent.atomic.AtomicInteger skipped = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean cancelled;
    private Duration timeLimit = Duration.ofMinutes(3);
    private FindingCache cache;
    private final java.util.concurrent.atomic.AtomicLong cacheHits = new java.util.concurrent.atomic.AtomicLong();

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
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** One unit of work in input order: an article to check, or an input that could not be read. */
    private record Item(long seq, Article article, InputProblem problem) {
    }

    private record Outcome(ArticleResult result, InputProblem problem) {
    }

    private static final Item END = new Item(-1, null, null);
    /** Stands for an item dropped after cancellation, so the in-order writer can move past it. */
    private static final Outcome DROPPED = new Outcome(null, null);
    private final Object signal = new Object();

    public RunSummary run(List<String> sources, RunInfo info) throws IOException {
        long t0 = System.nanoTime();
        RunSummary summary = new RunSummary(scoring);
        for (ReportWriter w : writers) w.start(info);

        int window = threads * 4;
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(window);
        Semaphore inFlight = new Semaphore(window * 2);
        ConcurrentHashMap<Long, Outcome> done = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicLong produced = new java.util.concurrent.atomic.AtomicLong();
        boolean[] finishedReading = {false};

        Thread reader = new Thread(() -> {
            try {
                inputs.read(sources, new ArticleSink() {
                    @Override
                    public void article(Article a) {
                        if (!triage.admit(a)) {
                            skipped.incrementAndGet();
                            return;
                        }
                        put(new Item(produced.getAndIncrement(), a, null));
                    }

                    @Override
                    public void problem(InputProblem p) {
                        put(new Item(produced.getAndIncrement(), null, p));
                    }

                    @Override
                    public void expected(int documents) {
                        if (progress != null) progress.total(produced.get() + documents);
                    }

                    private void put(Item item) {
                        try {
                            if (cancelled) throw new Cancelled();
                            inFlight.acquire();
                            queue.put(item);
                        } catch (InterruptedException | Cancelled e) {
                            done.put(item.seq(), DROPPED); // its number is taken: let the writer pass it
                            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                            throw new Cancelled();
                        }
                    }
                });
            } catch (Cancelled stop) {
                // stop reading; what was read is still checked
            } finally {
                synchronized (signal) {
                    finishedReading[0] = true;
                    signal.notifyAll();
                }
                if (progress != null) progress.total(produced.get());
                for (int i = 0; i < threads; i++) {
                    try {
                        queue.put(END);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }, "calque-reader");
        reader.setDaemon(true);
        reader.start();

        List<Thread> workers = new ArrayList<>();
        // The first worker readies its LanguageTool while the inputs are read, and the others take
        // articles only once it is ready: the first article goes to the instance built ahead, and a
        // one-article run builds no second instance beside its check.
        java.util.concurrent.CountDownLatch firstReady = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            boolean first = i == 0;
            Thread w = new Thread(() -> {
                try {
                    if (first) checker.warm();
                    else firstReady.await();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // LanguageTool could not be readied: each article's check tries again and, failing,
                    // reports the reason for that article
                    firstReady.countDown();
                } catch (Error e) {
                    firstReady.countDown();
                    throw e;
                }
                while (true) {
                    Item item;
                    try {
                        item = queue.take();
                    } catch (InterruptedException e) {
                        return;
                    } finally {
                        if (first) firstReady.countDown();
                    }
                    if (item == END) return;
                    done.put(item.seq(), cancelled ? DROPPED : process(item));
                    if (cancelled) return;
                    synchronized (signal) {
                        signal.notifyAll();
                    }
                }
            }, "calque-checker-" + (i + 1));
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }

        long next = 0;
        long words = 0;
        try {
            while (true) {
                Outcome o;
                synchronized (signal) {
                    while ((o = done.remove(next)) == null) {
                        if (cancelled || (finishedReading[0] && next >= produced.get())) break;
                        signal.wait(200);
                    }
                }
                if (o == null) {
                    // stopped: what is finished is written, an article in progress or not begun is abandoned
                    if (!cancelled || next >= produced.get()) break;
                    o = DROPPED;
                }
                next++;
                inFlight.release();
                if (o == DROPPED) continue;
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
                if (progress != null) progress.done((int) next, words);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
        }
        summary.addSkipped(skipped.get());
        if (progress != null) progress.close();
        summary.finish(Duration.ofNanos(System.nanoTime() - t0));
        for (ReportWriter w : writers) w.finish(summary);
        return summary;
    }

    private Outcome process(Item item) {
        if (item.problem() != null) return new Outcome(null, item.problem());
        Article a = item.article();
        try {
            long t0 = System.nanoTime();
            CheckedArticle all = checkOrRecall(a);
            long took = System.nanoTime() - t0;
            Triage.Kept kept = triage.keep(a, all.findings(), Fingerprints.of(all.findings()));
            CheckedArticle checked = new CheckedArticle(a, kept.findings(), all.words());
            ArticleScore score = scoring.score(checked.findings(), checked.words());
            String note = inputs.reader().wasTruncated(a.source())
                    ? "text cut to the size limit; only the first part was checked" : null;
            return new Outcome(new ArticleResult(checked, score, gate.fails(checked.findings(), score), note,
                    kept.suppressed(), kept.fingerprints(), took), null);
        } catch (Checker.Stopped e) {
            return DROPPED;
        } catch (Checker.TimeLimitExceeded e) {
            return new Outcome(null, new InputProblem(a.source(), a.group(), "checking took more than the limit of "
                    + timeLimit.toSeconds() + " s of processor time; not checked (raise it with --timeout)"));
        } catch (RuntimeException | StackOverflowError e) {
            org.slf4j.LoggerFactory.getLogger(Pipeline.class).warn("checking {} failed", a.source(), e);
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return new Outcome(null, new InputProblem(a.source(), a.group(), "checking failed: " + why));
        }
    }

    private CheckedArticle checkOrRecall(Article a) {
        if (cache == null) return checker.check(a, timeLimit, this::cancelled);
        String key = cache.key(a.text()); // hashed once for both the look-up and the store
        List<dev.calque.check.Finding> known = cache.get(key);
        if (known != null) {
            cacheHits.incrementAndGet();
            return new CheckedArticle(a, known, a.wordCount());
        }
        CheckedArticle checked = checker.check(a, timeLimit, this::cancelled);
        cache.put(key, checked.findings());
        return checked;
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
