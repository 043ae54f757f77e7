package dev.calque.ingest;

/**
 * An input that could not be read. The run goes on without it and ends with exit code 3.
 *
 * @param source the input as the user named it (path, URL, feed item)
 * @param group  the input on the command line it belongs to
 * @param reason one line a user can act on
 */
public record InputProblem(String source, String group, String reason) {

    /** The problem as one printable line: control characters in the name or reason are escaped. */
    public String oneLine() {
        return Printable.of(source + ": " + reason);
    }
}
