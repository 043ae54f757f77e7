package dev.calque.eval;

import java.nio.file.Path;

/** A corpus file that cannot be read or does not follow the format: one line naming the file and line. */
public final class CorpusException extends IllegalArgumentException {
    public CorpusException(Path file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
    }
}
