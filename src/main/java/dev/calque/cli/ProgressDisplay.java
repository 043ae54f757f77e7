package dev.calque.cli;

import dev.calque.pipeline.Pipeline;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr for long runs: articles done out of the total once it is known, words per second, time left. */
final class ProgressDisplay implements Pipeline.Progress {
    private final ProgressBar bar;
    private final long started = System.nanoTime();

    private ProgressDisplay(PrintStream err) {
        this.bar = new ProgressBarBuilder()
                .setTaskName("Checking")
                .setInitialMax(-1)
                .setUnit(" articles", 1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .clearDisplayOnFinish()
                .build();
    }

    /** A display when stderr is a terminal the user watches, else none. */
    static Pipeline.Progress forTerminal(PrintStream err, boolean wanted) {
        return wanted && stderrIsTerminal() ? new ProgressDisplay(err) : null;
    }

    /** Whether standard error is a terminal (Java only tells that of the console as a whole). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception notLinux) {
            return System.console() != null;
        }
    }

    @Override
    public void done(int items, long words) {
        if (bar.getMax() >= 0 && items > bar.getMax()) bar.maxHint(items); // a feed held more articles than documents
        bar.stepTo(items);
        double seconds = (System.nanoTime() - started) / 1e9;
        bar.setExtraMessage(String.format(Locale.ROOT, "%,.0f words/s", words / Math.max(seconds, 0.001)));
    }

    @Override
    public void total(long total) {
        bar.maxHint(Math.max(total, bar.getCurrent()));
    }

    @Override
    public void close() {
        bar.close();
    }
}
