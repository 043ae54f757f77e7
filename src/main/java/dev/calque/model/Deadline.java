package dev.calque.model;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The current thread's time budget for one check, which LanguageTool polls between sentences and
 * rule patterns read through {@link #guard}. It counts the checking thread's CPU time, not
 * wall-clock time, so a busy machine (other jobs, other workers) does not make a normal article
 * look like a runaway one. It lives in the model because the checker sets it and the rules read it.
 */
public final class Deadline {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_CLOCK = THREADS.isCurrentThreadCpuTimeSupported();
    private static final java.util.function.BooleanSupplier NEVER = () -> false;
    private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[] {Long.MAX_VALUE});
    private static final ThreadLocal<java.util.function.BooleanSupplier> STOP = ThreadLocal.withInitial(() -> NEVER);

    private Deadline() {
    }

    /** Starts a budget of {@code nanos} from now; {@code Long.MAX_VALUE} for none. */
    public static void start(long nanos) {
        start(nanos, NEVER);
    }

    /** A budget that also ends as soon as {@code stop} says so (the run was interrupted). */
    public static void start(long nanos, java.util.function.BooleanSupplier stop) {
        DEADLINE.get()[0] = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : now() + nanos;
        STOP.set(stop);
    }

    public static void clear() {
        DEADLINE.get()[0] = Long.MAX_VALUE;
        STOP.set(NEVER);
    }

    public static boolean passed() {
        if (STOP.get().getAsBoolean()) return true;
        long d = DEADLINE.get()[0];
        return d != Long.MAX_VALUE && now() > d;
    }

    /** Throws {@link Exceeded} once the budget is spent: for loops that read no guarded text. */
    public static void check() {
        if (passed()) throw new Exceeded();
    }

    /** This thread's processor time in nanoseconds: the clock budgets are counted in. */
    public static long clock() {
        return now();
    }

    /**
     * What is left of a budget of {@code nanos} (processor time, {@code Long.MAX_VALUE} for none) begun at
     * {@code since} on {@link #clock()}: at least one nanosecond, so a spent budget ends the next check.
     */
    public static long left(long nanos, long since) {
        return nanos == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, nanos - (clock() - since));
    }

    /** Whether the check was stopped from outside rather than by its budget. */
    public static boolean stopped() {
        return STOP.get().getAsBoolean();
    }

    /**
     * Text for a regular expression from a rule file: the matcher reads it through {@code charAt},
     * which every few thousand reads checks the budget and, once it is spent, stops the match with
     * {@link Exceeded} (the checker reports it as the article's time limit). Java's regex engine cannot be interrupted otherwise, and a
     * pattern such as {@code (.*a){12}$} backtracks for hours.
     */
    public static CharSequence guard(String text) {
        return new Guarded(text);
    }

    private static final class Guarded implements CharSequence {
        private final String text;
        private int reads;

        Guarded(String text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0x3FFF) == 0 && passed()) throw new Exceeded();
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A rule's match stopped because the budget was spent. */
    public static final class Exceeded extends RuntimeException {
        Exceeded() {
            super("time limit reached", null, false, false);
        }
    }

    private static long now() {
        return CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
