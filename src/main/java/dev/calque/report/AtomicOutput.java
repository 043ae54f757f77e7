package dev.calque.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file written beside its target and moved into place only when complete, so an
 * interrupted or failed run never leaves a half-written report where a good one was.
 */
public final class AtomicOutput extends FilterOutputStream {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private final Path target;
    private final Path temp;
    private boolean committed;
    private boolean closed;

    public AtomicOutput(Path target) throws IOException {
        super(null);
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: its owner-only permissions would stay on the finished file
        Path t;
        java.io.OutputStream stream;
        while (true) {
            t = dir.resolve("." + this.target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part");
            try {
                stream = Files.newOutputStream(t, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                break;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // another name
            }
        }
        this.temp = t;
        this.out = new java.io.BufferedOutputStream(stream, 1 << 16);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    /** Flushes, closes and moves the file into place. */
    public void commit() throws IOException {
        if (committed) return;
        out.close();
        closed = true;
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Without a commit, closing discards the partial file. */
    @Override
    public void close() throws IOException {
        if (committed) return;
        if (!closed) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the partial file is deleted below either way
            }
            closed = true;
        }
        Files.deleteIfExists(temp);
    }
}
