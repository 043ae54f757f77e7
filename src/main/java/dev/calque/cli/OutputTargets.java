package dev.calque.cli;

import dev.calque.report.OutputFailure;
import dev.calque.report.OutputTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a run will write, checked before any work starts: each one writable (see
 * {@link OutputTarget}), none of them something the run reads (an input, a file inside an input
 * folder, the configuration, a rule folder, a baseline), no file given to two formats, and the
 * report and cache folders folders. Every refusal is a {@link UsageError} naming the path.
 */
final class OutputTargets {
    private final List<Path> reads = new ArrayList<>();
    private final Map<Path, String> written = new LinkedHashMap<>();

    /** Paths the run reads; URLs and {@code -} are not paths and are left out. */
    OutputTargets reading(List<String> inputs) {
        for (String in : inputs) {
            if (in.equals("-") || in.startsWith("http://") || in.startsWith("https://")) continue;
            try {
                reads.add(Path.of(in));
            } catch (java.nio.file.InvalidPathException e) {
                // not a path: reported as an input problem later
            }
        }
        return this;
    }

    OutputTargets reading(Path... paths) {
        for (Path p : paths) if (p != null) reads.add(p);
        return this;
    }

    /**
     * An output file for {@code what} (a format name, "the baseline"...).
     * @return where it really goes (through a symbolic link, its target)
     */
    OutputTarget file(Path file, String what) {
        OutputTarget target;
        try {
            target = OutputTarget.of(file);
        } catch (OutputFailure e) {
            throw new UsageError(e.getMessage());
        }
        if (target.stream()) return target;
        String other = written.putIfAbsent(target.path(), what);
        if (other != null) {
            throw new UsageError(file + ": given to two outputs (" + other + " and " + what
                    + "); give each its own -o FILE");
        }
        if (Files.exists(target.path())) {
            for (Path r : reads) {
                if (!Files.exists(r)) continue;
                try {
                    if (Files.isDirectory(r)) {
                        if (target.path().toRealPath().startsWith(r.toRealPath())
                                && !hiddenBelow(r.toRealPath(), target.path().toRealPath())) {
                            throw new UsageError(file + ": is inside the input folder " + r
                                    + ", so it is also an input; Calque does not overwrite what it reads");
                        }
                    } else if (Files.isSameFile(r, target.path())) {
                        throw new UsageError(file + ": is also an input (" + r + "); Calque does not overwrite what it reads");
                    }
                } catch (IOException e) {
                    // cannot tell: reading will report the input's own problem
                }
            }
        }
        return target;
    }

    /** A folder the run writes into ({@code --report-dir}, {@code --cache}). */
    static void folder(Path dir, String option) {
        if (dir == null) return;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageError(option + " " + dir + ": is a file, not a folder");
        }
        for (Path d = dir.toAbsolutePath().getParent(); d != null; d = d.getParent()) {
            if (Files.exists(d) && !Files.isDirectory(d)) throw new UsageError(option + " " + dir + ": " + d + " is a file, not a folder");
            if (Files.isDirectory(d)) {
                if (!Files.exists(dir) && !Files.isWritable(d)) {
                    throw new UsageError(option + " " + dir + ": cannot create it in " + d + ": permission denied");
                }
                break;
            }
        }
        if (Files.isDirectory(dir) && !Files.isWritable(dir)) throw new UsageError(option + " " + dir + ": permission denied");
    }

    /** Folder listing skips hidden entries: a file under a hidden folder or with a hidden name is not read. */
    private static boolean hiddenBelow(Path root, Path p) {
        for (Path part : root.relativize(p)) if (part.toString().startsWith(".")) return true;
        return false;
    }
}
