package dev.calque.ingest;

/**
 * An input that could not be read. The run goes on without it and ends with exit code 3.
 *
 * @param source the input as the user named it (path, URL, feed item)
 * @param group  the input on the command line it belongs to
 * @param reason one line a user can act on; only its first line is kept, and at most {@value #MAX_REASON}
 *               characters of it: a library's message may quote the document (an element name of 5 MB
 *               became a reason of 5 MB, on the console and in every report)
 * @param cut    the line that says an article's text was cut at {@code --max-text-chars}: the article is still
 *               checked, and when that check fails its one line says so instead (one line per input)
 */
public record InputProblem(String source, String group, String reason, boolean cut) {
    public static final int MAX_REASON = 300;

    public InputProblem(String source, String group, String reason) {
        this(source, group, reason, false);
    }

    /** The line saying that an article's text was cut at {@code --max-text-chars}. */
    public static InputProblem cut(String source, String group, String reason) {
        return new InputProblem(source, group, reason, true);
    }

    public InputProblem {
        if (reason != null) {
            int nl = reason.indexOf('\n');
            if (nl >= 0) reason = reason.substring(0, nl).stripTrailing();
            if (reason.length() > MAX_REASON) {
                int end = MAX_REASON - 1;
                if (Character.isHighSurrogate(reason.charAt(end - 1))) end--;
                reason = reason.substring(0, end) + "…";
            }
        }
    }

    /** The problem as one printable line: control characters in the name or reason are escaped. */
    public String oneLine() {
        return Printable.of(source + ": " + reason);
    }
}
