package dev.calque.report;

import java.io.IOException;

/** An output that cannot be written, with the path and the reason in one line. */
public final class OutputFailure extends IOException {
    public OutputFailure(String path, String reason) {
        super(path + ": " + reason);
    }

    public OutputFailure(String path, String reason, Throwable cause) {
        super(path + ": " + reason, cause);
    }

    /** The reason an I/O error gives, in a user's words. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such folder";
        if (e instanceof java.nio.file.NotDirectoryException) return "a part of the path is a file, not a folder";
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) return fs.getReason().toLowerCase();
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
