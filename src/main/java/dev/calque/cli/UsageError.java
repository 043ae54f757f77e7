package dev.calque.cli;

/** A bad option, path or configuration value: exit code 2 with a one-line message. */
public class UsageError extends RuntimeException {
    public UsageError(String message) {
        super(message);
    }
}
