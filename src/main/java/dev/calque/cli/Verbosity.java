package dev.calque.cli;

/** Whether stack traces and library logs are shown (set by --verbose). */
final class Verbosity {
    static volatile boolean verbose;

    private Verbosity() {
    }
}
