package dev.calque.ingest;

import dev.calque.model.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads what the user named on the command line, in order: files, folders (recursively, sorted by
 * path, hidden entries skipped), {@code -} for standard input, and http(s) URLs. Each article or
 * problem goes to the sink as soon as it is read, so a large run streams.
 */
public final class Inputs {
    private final DocumentReader reader;
    private Fetcher fetcher; // built on the first URL: most runs never open a connection
    private final IngestLimits limits;
    private InputStream stdin;
    private final Predicate<String> skip;

    public Inputs(IngestLimits limits, InputStream stdin, Predicate<String> skip) {
        this.limits = limits;
        this.reader = new DocumentReader(limits);
        this.stdin = stdin;
        this.skip = skip;
    }

    public Inputs(IngestLimits limits) {
        this(limits, System.in, s -> false);
    }

    private List<String> allowedHosts = List.of();

    /** Hosts a URL (and each of its redirects) may reach: {@code example.com} or {@code *.example.com}; empty for any. */
    public Inputs allowHosts(List<String> hosts) {
        this.allowedHosts = List.copyOf(hosts);
        return this;
    }

    public DocumentReader reader() {
        return reader;
    }

    public void read(List<String> inputs, ArticleSink sink) {
        // Folders are listed first (paths only), so the number of documents is known up front.
        List<Work> work = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals("-") || input.startsWith("http://") || input.startsWith("https://")) {
                work.add(new Work(input, null, input, null));
                continue;
            }
            Path path = Path.of(input);
            if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
                work.add(new Work(input, null, input, "no such file or folder"));
            } else if (Files.isDirectory(path)) {
                work.addAll(listFolder(path, input));
            } else {
                work.add(new Work(input, path, input, null));
            }
        }
        sink.expected(work.size());
        for (Work w : work) {
            if (Thread.currentThread().isInterrupted()) return;
            if (w.problem() != null) {
                sink.problem(new InputProblem(w.input(), w.group(), w.problem()));
            } else if (w.file() != null) {
                readFile(w.file(), w.group(), sink);
            } else if (w.input().equals("-")) {
                readStdin(sink);
            } else {
                readUrl(w.input(), sink);
            }
        }
    }

    /**
     * When every input is standard input or a named file, and each is refused by its first bytes
     * ({@link DocumentReader#refusedByContent}), their problems, in input order: the run can stop before its
     * rules load. Otherwise (a folder, a URL, a missing path, anything that must be read to decide) empty.
     * Reads at most the first 64 KB of each; what it reads of standard input is kept for {@link #read}.
     */
    public List<InputProblem> refusedUpFront(List<String> inputs) {
        List<InputProblem> refused = new ArrayList<>();
        for (String input : inputs) {
            try {
                byte[] head;
                String source;
                if (input.equals("-")) {
                    head = stdin.readNBytes(HEAD);
                    stdin = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), stdin);
                    source = "stdin";
                } else {
                    if (input.startsWith("http://") || input.startsWith("https://")) return List.of();
                    Path file = Path.of(input);
                    if (!Files.isRegularFile(file) || skip.test(file.toString())) return List.of();
                    try (InputStream in = Files.newInputStream(file)) {
                        head = in.readNBytes(HEAD);
                    }
                    source = file.toString();
                }
                String reason = DocumentReader.refusedByContent(head);
                if (reason == null) return List.of();
                refused.add(new InputProblem(source, input, reason));
            } catch (IOException | java.nio.file.InvalidPathException e) {
                return List.of(); // read() says why, in its turn
            }
        }
        return refused;
    }

    private static final int HEAD = 65536;

    /** One document to read, in input order: a file, stdin or a URL, or a path already known to be bad. */
    private record Work(String input, Path file, String group, String problem) {
    }

    private void readStdin(ArticleSink sink) {
        try {
            byte[] bytes = stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxInputBytes() + 1));
            if (bytes.length > limits.maxInputBytes()) {
                sink.problem(new InputProblem("stdin", "-", "larger than the input limit of " + mb(limits.maxInputBytes())));
                return;
            }
            emit(bytes, "stdin.txt", "stdin", "-", null, sink);
        } catch (IOException e) {
            sink.problem(new InputProblem("stdin", "-", "cannot read standard input: " + e.getMessage()));
        }
    }

    private void readUrl(String url, ArticleSink sink) {
        try {
            if (fetcher == null) fetcher = new Fetcher(limits, allowedHosts);
            Fetcher.Page page = fetcher.fetch(url);
            emit(page.body(), page.name(), url, url, page.contentType(), sink);
        } catch (Fetcher.FetchFailed e) {
            sink.problem(new InputProblem(url, url, e.getMessage()));
        }
    }

    /**
     * Files under a folder, sorted by path; symbolic links are followed inside the folder, a loop is reported
     * in its place, and a link out of the folder is reported, not read: in a pull request,
     * {@code articles/story.txt -> /home/runner/.ssh/id_rsa} would otherwise print the key in the report.
     */
    private List<Work> listFolder(Path root, String group) {
        List<Work> found = new ArrayList<>();
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            found.add(new Work(root.toString(), null, group, reason(e)));
            return found;
        }
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && hidden(dir)) return FileVisitResult.SKIP_SUBTREE;
                    if (!dir.equals(root) && outside(dir, realRoot)) {
                        if (!skip.test(dir.toString())) found.add(new Work(dir.toString(), null, group, LINK_OUT));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (hidden(file) || skip.test(file.toString())) return FileVisitResult.CONTINUE;
                    found.add(outside(file, realRoot) ? new Work(file.toString(), null, group, LINK_OUT)
                            : new Work(file.toString(), file, group, null));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    found.add(new Work(file.toString(), null, group, reason(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            found.add(new Work(root.toString(), null, group, reason(e)));
        }
        found.sort(java.util.Comparator.comparing(Work::input));
        return found;
    }

    static final String LINK_OUT = "a symbolic link out of the folder; not read (a link could name any file on this machine)";

    /** Whether a path found under a folder resolves, through links, to a place outside it. */
    static boolean outside(Path p, Path realRoot) {
        try {
            return !p.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false; // broken or looping: reported as such where it is read
        }
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private void readFile(Path file, String group, ArticleSink sink) {
        String source = file.toString();
        if (skip.test(source)) return;
        try {
            if (Files.isSymbolicLink(file) && !Files.exists(file)) {
                sink.problem(new InputProblem(source, group, "broken or looping symbolic link"));
                return;
            }
            if (!Files.isRegularFile(file)) {
                sink.problem(new InputProblem(source, group, "not a regular file"));
                return;
            }
            long size = Files.size(file);
            if (size > limits.maxInputBytes()) {
                sink.problem(new InputProblem(source, group, "larger than the input limit of " + mb(limits.maxInputBytes())
                        + " (" + mb(size) + "); raise it with --max-input-mb"));
                return;
            }
            emit(Files.readAllBytes(file), file.getFileName().toString(), source, group, null, sink);
        } catch (IOException e) {
            sink.problem(new InputProblem(source, group, reason(e)));
        }
    }

    private void emit(byte[] bytes, String name, String source, String group, String type, ArticleSink sink) {
        try {
            for (Article a : reader.read(bytes, name, source, group, type)) {
                Article cut = reader.limited(a);
                sink.article(cut);
                String damaged = DocumentReader.damagedPages(a);
                if (damaged != null) sink.problem(new InputProblem(a.source(), group, damaged));
                String segments = a.metadata().get(DocumentReader.SEGMENTS_CUT);
                if (segments != null) {
                    String[] read = segments.split(" ", 2);
                    sink.problem(InputProblem.cut(a.source(), group, String.format(java.util.Locale.ROOT,
                            "%,d characters of text by segment %s, over the limit of %,d: only the first part was"
                                    + " checked and the rest of the file was not read (raise the limit with --max-text-chars)",
                            Long.parseLong(read[0]), read[1].length() > 40 ? read[1].substring(0, 39) + "…" : read[1],
                            limits.maxTextChars())));
                } else if (cut != a) {
                    String body = a.metadata().get(FeedReader.CUT_FROM);
                    sink.problem(InputProblem.cut(a.source(), group, String.format(java.util.Locale.ROOT,
                            (body != null ? "%,d characters in its body, markup included," : "%,d characters of text,")
                                    + " over the limit of %,d: only the first part was checked (raise the limit with --max-text-chars)",
                            body != null ? Long.parseLong(body) : a.text().length(), limits.maxTextChars())));
                }
            }
        } catch (DocumentReader.NotADocument e) {
            if (!group.equals(source) && !group.equals("-")) { // found in a folder, not named
                sink.note(source, "skipped: " + e.getMessage());
            } else {
                sink.problem(new InputProblem(source, group, e.getMessage()));
            }
        } catch (DocumentReader.Unreadable e) {
            if (e.getCause() != null) { // the library's own words, for --verbose (the log is off otherwise)
                org.slf4j.LoggerFactory.getLogger(Inputs.class).warn("{}: {}", source, e.getMessage(), e.getCause());
            }
            sink.problem(new InputProblem(source, group, e.getMessage()));
        } catch (OutOfMemoryError e) {
            sink.problem(new InputProblem(source, group, "too large to read in the memory available"));
        } catch (StackOverflowError e) {
            // a feed of 10,000 nested elements overflowed ROME's (jdom2's) recursive writer and killed the reading
            // thread: every input after it was dropped and the run exited 0
            sink.problem(new InputProblem(source, group, "nested too deeply to read"));
        } catch (RuntimeException e) {
            // a reader's unexpected failure is this input's problem, never the end of the inputs after it
            org.slf4j.LoggerFactory.getLogger(Inputs.class).debug("reading {} failed", source, e);
            sink.problem(new InputProblem(source, group, "cannot read it: " + DocumentReader.damage(e)));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file or folder";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemLoopException) return "symbolic link loop";
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    static String mb(long bytes) {
        if (bytes >= (1L << 20)) return (bytes >> 20) + " MB";
        return bytes >= (1L << 10) ? (bytes >> 10) + " KB" : bytes + " bytes";
    }
}
