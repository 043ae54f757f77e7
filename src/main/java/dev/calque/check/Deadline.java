package dev.calque.check;

/** The current thread's check deadline, which LanguageTool polls between sentences. */
final class Deadline {
    private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[] {Long.MAX_VALUE});

    private Deadline() {
    }

    static void set(long nanoTime) {
        DEADLINE.get()[0] = nanoTime;
    }

    static void clear() {
        DEADLINE.get()[0] = Long.MAX_VALUE;
    }

    static boolean passed() {
        long d = DEADLINE.get()[0];
        return d != Long.MAX_VALUE && System.nanoTime() > d;
    }
}
