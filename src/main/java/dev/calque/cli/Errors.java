package dev.calque.cli;

/** Turns exceptions into the one line a user reads. */
final class Errors {
    private Errors() {
    }

    static String oneLine(Throwable e) {
        String msg = e.getMessage();
        if (msg == null || msg.isBlank()) msg = e.getClass().getSimpleName();
        return msg.lines().findFirst().orElse(msg).strip();
    }
}
