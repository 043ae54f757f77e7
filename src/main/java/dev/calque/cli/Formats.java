package dev.calque.cli;

import dev.calque.report.ConsoleWriter;
import dev.calque.report.Destination;
import dev.calque.report.GithubWriter;
import dev.calque.report.JsonWriter;
import dev.calque.report.JunitWriter;
import dev.calque.report.ReportWriter;
import dev.calque.report.SarifWriter;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** The output formats {@code --format} accepts, and the writer for each. */
final class Formats {
    static final List<String> NAMES = List.of("console", "json", "sarif", "junit", "github", "xliff");

    private Formats() {
    }

    static String normalize(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        return f.equals("text") ? "console" : f;
    }

    static boolean isConsole(String format) {
        return normalize(format).equals("console");
    }

    /** Rejects an unknown format before any output file is opened. */
    static void validate(String format) {
        if (!NAMES.contains(normalize(format))) {
            throw new UsageError("unknown format '" + format + "' (use " + String.join(", ", NAMES) + ")");
        }
    }

    static ReportWriter create(String format, Destination d, boolean color, boolean showPassed) throws IOException {
        return switch (normalize(format)) {
            case "console" -> new ConsoleWriter(d, color, showPassed);
            case "json" -> new JsonWriter(d);
            case "sarif" -> new SarifWriter(d);
            case "junit" -> new JunitWriter(d);
            case "github" -> new GithubWriter(d);
            case "xliff" -> new dev.calque.report.xliff.XliffWriter(d);
            default -> throw new UsageError("unknown format '" + format + "' (use " + String.join(", ", NAMES) + ")");
        };
    }
}
