package dev.calque.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a {@link RuleKind} builds a rule from beside its own keys: the metadata every rule declares,
 * its message template, and the file it came from, to read tables beside it and to name in errors.
 */
public final class RuleDefinition {
    private final Path file;
    private final RuleInfo info;
    private final String template;
    private final Consumer<Path> tableRead;

    RuleDefinition(Path file, RuleInfo info, String template, Consumer<Path> tableRead) {
        this.file = file;
        this.info = info;
        this.template = template;
        this.tableRead = tableRead;
    }

    public RuleInfo info() {
        return info;
    }

    /** The message with its {@code {match}}, {@code {suggestion}}, {@code {note}} placeholders. */
    public String template() {
        return template;
    }

    /** An error naming the file and the rule; throw it. */
    public RuleFileException fail(String reason) {
        return new RuleFileException(file, 0, "rule " + info.id() + ": " + reason);
    }

    /** The largest rule table read: a rule pack's and the tables of the checks against the original (SourceRules). */
    public static final long MAX_TABLE_BYTES = 4L << 20;

    /** A line of a table file that is neither blank nor a {@code #} comment, with its 1-based number. */
    public record TableLine(Path file, int number, String text) {
    }

    /** A table file beside the rule file (never elsewhere: a rule file may not open other paths). */
    public List<TableLine> table(String name) {
        Path t = file.resolveSibling(name);
        if (!java.util.Objects.equals(t.normalize().getParent(), file.normalize().getParent())) {
            throw fail("table '" + name + "' must be a file beside " + file.getFileName());
        }
        try {
            // nor through a symbolic link: a rule folder from a pull request must not read ~/.ssh/id_rsa
            if (Files.exists(t) && !t.toRealPath().getParent().equals(file.toRealPath().getParent())) {
                throw fail("table '" + name + "' must be a file beside " + file.getFileName() + " (it links elsewhere)");
            }
        } catch (IOException e) {
            throw fail("cannot read table " + t + ": " + e.getMessage());
        }
        List<String> lines;
        try {
            // a table from a pull request is read whole and compiled into one pattern: 64 MB of rows filled a 1 GB heap
            if (Files.isRegularFile(t) && Files.size(t) > MAX_TABLE_BYTES) {
                throw fail("table " + t.getFileName() + " is larger than " + (MAX_TABLE_BYTES >> 20)
                        + " MB (the largest bundled table is 7 KB); not read");
            }
            lines = Files.readAllLines(t, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw fail("cannot read table " + t + ": " + (e instanceof NoSuchFileException ? "file not found" : e.getMessage()));
        }
        tableRead.accept(t);
        List<TableLine> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !line.strip().startsWith("#")) out.add(new TableLine(t, i + 1, line));
        }
        return out;
    }

    /** A regular expression of the rule, compiled, or an error quoting it. */
    public Pattern pattern(String regex, boolean ignoreCase) {
        try {
            return Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            throw fail("bad regular expression: " + e.getDescription() + " near index " + e.getIndex() + " of " + regex);
        }
    }
}
