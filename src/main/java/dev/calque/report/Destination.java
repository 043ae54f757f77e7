package dev.calque.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a writer's bytes go: standard output, a stream the user named ({@code /dev/stdout},
 * {@code /dev/fd/N}), written directly, or a file that appears only when complete. A write error is
 * an error on every one of them, standard output included.
 */
public final class Destination implements AutoCloseable {
    private final OutputStream stream;
    private final AtomicOutput file;
    private final String name;

    private Destination(OutputStream stream, AtomicOutput file, String name) {
        this.stream = stream;
        this.file = file;
        this.name = name;
    }

    public static Destination stdout(OutputStream out) {
        return new Destination(new Checked(out, "standard output", false), null, "standard output");
    }

    /** @throws OutputFailure when the path cannot be written (a folder, a device, no permission...) */
    public static Destination file(Path path) throws IOException {
        OutputTarget target = OutputTarget.of(path);
        if (target.stream()) {
            OutputStream s;
            try {
                s = Files.newOutputStream(target.path());
            } catch (IOException e) {
                throw new OutputFailure(path.toString(), "cannot open: " + OutputFailure.reason(e), e);
            }
            return new Destination(new Checked(new java.io.BufferedOutputStream(s, 1 << 16), path.toString(), true),
                    null, path.toString());
        }
        AtomicOutput out = new AtomicOutput(target, path.toString());
        return new Destination(out, out, path.toString());
    }

    public OutputStream stream() {
        return stream;
    }

    public boolean isFile() {
        return file != null;
    }

    public String name() {
        return name;
    }

    /** The output is complete: flush it, and move a file into place. */
    public void commit() throws IOException {
        stream.flush();
        if (file != null) file.commit();
    }

    @Override
    public void close() throws IOException {
        if (file != null) file.close(); else stream.close();
    }

    /** A stream whose write errors are errors, even behind a {@link PrintStream} (which swallows them). */
    private static final class Checked extends FilterOutputStream {
        private final String name;
        private final boolean own;

        Checked(OutputStream out, String name, boolean own) {
            super(out);
            this.name = name;
            this.own = own;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new OutputFailure(name, "write failed: " + OutputFailure.reason(e), e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw new OutputFailure(name, "write failed: " + OutputFailure.reason(e), e);
            }
            check();
        }

        private void check() throws OutputFailure {
            if (out instanceof PrintStream ps && ps.checkError()) {
                throw new OutputFailure(name, "write failed (the disk is full, or the reader has gone)");
            }
        }

        @Override
        public void close() throws IOException {
            flush();
            if (own) out.close(); // never close the process's standard output
        }
    }
}
