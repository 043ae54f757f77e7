package dev.calque.check;

import java.lang.management.ManagementFactory;

/**
 * Start-up milestones on standard error, in milliseconds since the JVM started, when the system
 * property {@code calque.trace} is true ({@code CALQUE_JAVA_OPTS="... -Dcalque.trace=true"}): how
 * the time to the first finding in {@code docs/benchmarks.md} is taken apart. Silent otherwise.
 */
public final class Trace {
    private static final boolean ON = Boolean.getBoolean("calque.trace");

    private Trace() {
    }

    public static void mark(String what) {
        if (ON) {
            System.err.printf("[%5d ms %s] %s%n", ManagementFactory.getRuntimeMXBean().getUptime(),
                    Thread.currentThread().getName(), what);
        }
    }
}
