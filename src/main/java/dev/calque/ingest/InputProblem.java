package dev.calque.ingest;

/**
 * An input that could not be read. The run goes on without it and ends with exit code 3.
 *
 * @param source the input as the user named it (path, URL, feed item)
 * @param group  the input on the command line it belongs to
 * @param reason one line a user can act on; only its first line is kept, and at most {@value #MAX_REASON}
 *               characters of it: a library's message may quote the document (an element name of 5 MB
 *               became a reason of 5 MB, on the console and in every report)
 */
public record InputProblem(String source, String group, String reason) {
    public static final int MAX_REASON = 300;

    public InputProblem {
        if (reason != null) {
            int nl = reason.indexOf('\n');
            if (nl >= 0) reason = reason.substring(0, nl).stripTrailing();
            if (reason.length() > MAX_REASON) {
                int cut = MAX_REASON - 1;
                if (Character.isHighSurrogate(reason.charAt(cut - 1))) cut--;
                reason = reason.substring(0, cut) + "…";
            }
        }
    }

    /** The problem as one printable line: control characters in the name or reason are escaped. */
    public String oneLine() {
        return Printable.of(source + ": " + reason);
    }
}
