package dev.calque.check;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The current thread's time budget for one check, which LanguageTool polls between sentences. It
 * counts the checking thread's CPU time, not wall-clock time, so a busy machine (other jobs, other
 * workers) does not make a normal article look like a runaway one.
 */
final class Deadline {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_CLOCK = THREADS.isCurrentThreadCpuTimeSupported();
    private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[] {Long.MAX_VALUE});

    private Deadline() {
    }

    /** Starts a budget of {@code nanos} from now; {@code Long.MAX_VALUE} for none. */
    static void start(long nanos) {
        DEADLINE.get()[0] = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : now() + nanos;
    }

    static void clear() {
        DEADLINE.get()[0] = Long.MAX_VALUE;
    }

    static boolean passed() {
        long d = DEADLINE.get()[0];
        return d != Long.MAX_VALUE && now() > d;
    }

    private static long now() {
        return CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
