package dev.calque.rules;

import java.nio.file.Path;

/** A rule file that cannot be loaded: names the file, the line where known, and the reason. */
public class RuleFileException extends RuntimeException {
    public RuleFileException(Path file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
    }

    public RuleFileException(Path file, int line, String reason, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason, cause);
    }
}
