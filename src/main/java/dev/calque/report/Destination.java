package dev.calque.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** Where a writer's bytes go: standard output, or a file that appears only when complete. */
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
        return new Destination(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush(); // never close the process's standard output
            }
        }, null, "standard output");
    }

    public static Destination file(Path path) throws IOException {
        AtomicOutput out = new AtomicOutput(path);
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
        if (file != null) file.close(); else stream.flush();
    }
}
