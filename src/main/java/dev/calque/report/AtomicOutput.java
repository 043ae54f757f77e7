package dev.calque.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An output file written beside its target and moved into place only when complete, so an
 * interrupted or failed run never leaves a half-written report where a good one was. The temporary
 * file is named after the process ({@code .NAME.PID.RANDOM.part}); opening an output removes those
 * of runs that were killed outright (their process is gone), never a live run's.
 */
public final class AtomicOutput extends FilterOutputStream {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final Pattern PART = Pattern.compile("\\.(.+)\\.(\\d+)\\.[0-9a-z]+\\.part");
    private final Path target;
    private final String shown;
    private final Path temp;
    private boolean committed;
    private boolean closed;

    public AtomicOutput(Path target) throws IOException {
        this(OutputTarget.of(target), target.toString());
    }

    AtomicOutput(OutputTarget where, String shown) throws IOException {
        super(null);
        if (where.stream()) throw new IllegalArgumentException(shown + " is a stream: write it directly");
        this.target = where.path();
        this.shown = shown;
        Path dir = this.target.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new OutputFailure(shown, "cannot create its folder " + dir + ": " + OutputFailure.reason(e));
        }
        sweepAbandoned(dir);
        // not Files.createTempFile: its owner-only permissions would stay on the finished file
        Path t;
        OutputStream stream;
        while (true) {
            t = dir.resolve("." + this.target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part");
            try {
                stream = Files.newOutputStream(t, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                break;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // another name
            } catch (IOException e) {
                throw new OutputFailure(shown, "cannot write in " + dir + ": " + OutputFailure.reason(e));
            }
        }
        this.temp = t;
        OPEN.add(t);
        this.out = new java.io.BufferedOutputStream(stream, 1 << 16);
    }

    /** Temporary files of this process not yet moved or deleted: removed if the JVM exits first. */
    private static final java.util.Set<Path> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** While a run finishes its outputs after Ctrl-C, the clean-up waits for it (see {@link #holdCleanupUntil}). */
    private static volatile java.util.concurrent.CountDownLatch hold;

    /**
     * A run that, when interrupted, still completes its outputs: the exit's clean-up of unfinished
     * temporary files waits (at most 10 s) until {@code finished} is counted down.
     */
    public static void holdCleanupUntil(java.util.concurrent.CountDownLatch finished) {
        hold = finished;
    }

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            java.util.concurrent.CountDownLatch l = hold;
            if (l != null) {
                try {
                    l.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (Path p : OPEN) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // nothing more can be done while exiting
                }
            }
        }, "calque-part-cleanup"));
    }

    /** Removes {@code .part} files in a folder whose process no longer exists. */
    static void sweepAbandoned(Path dir) {
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                Matcher m = PART.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                long pid;
                try {
                    pid = Long.parseLong(m.group(2));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // only housekeeping
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new OutputFailure(shown, "write failed: " + OutputFailure.reason(e), e);
        }
    }

    /** Flushes, closes and moves the file into place (through a symbolic link, onto its target). */
    public void commit() throws IOException {
        if (committed) return;
        try {
            out.close();
        } catch (IOException e) {
            throw new OutputFailure(shown, "write failed: " + OutputFailure.reason(e), e);
        }
        closed = true;
        try {
            if (Files.isRegularFile(target)) {
                try {
                    Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target)); // keep the file's mode
                } catch (UnsupportedOperationException | IOException ignored) {
                    // not a POSIX file system, or not ours to read: default permissions
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new OutputFailure(shown, "cannot move the finished file into place: " + OutputFailure.reason(e), e);
        }
        OPEN.remove(temp);
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
        OPEN.remove(temp);
    }
}
