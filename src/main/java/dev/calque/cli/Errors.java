package dev.calque.cli;

/** Turns exceptions into the one line a user reads. */
final class Errors {
    private Errors() {
    }

    static String oneLine(Throwable e) {
        String msg = e.getMessage();
        if (msg == null || msg.isBlank()) msg = e.getClass().getSimpleName();
        // the first line of the library's wording; a file name with a line break in it is escaped, not cut
        String first = msg.strip();
        if (!(e instanceof UsageError || e instanceof dev.calque.rules.RuleFileException
                || e instanceof dev.calque.report.OutputFailure)) {
            first = first.lines().findFirst().orElse(first);
        }
        return dev.calque.ingest.Printable.of(first);
    }
}
