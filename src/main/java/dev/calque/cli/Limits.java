package dev.calque.cli;

/** The allowed range of every numeric option, checked before any work: one line and exit 2 when outside. */
final class Limits {
    /** Inputs are read whole into memory, into one array: at most 2 GB. */
    static final long MAX_INPUT_MB = 2047;
    /**
     * Each worker holds its own LanguageTool (about 4 MB more each, and a share of the articles in
     * flight); past a few per core they only compete for the processor.
     */
    static final int MAX_THREADS = 256;

    private Limits() {
    }

    static void range(String option, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new UsageError(option + " must be between " + min + " and " + max + " " + unit + ", not " + value);
        }
    }

    static void threads(Integer threads) {
        if (threads != null) {
            range("--threads", threads, 1, MAX_THREADS, "worker threads (this machine has "
                    + Runtime.getRuntime().availableProcessors() + " cores)");
        }
    }
}
