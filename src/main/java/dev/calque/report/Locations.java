package dev.calque.report;

import dev.calque.model.Article;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where an article lives, in the terms CI formats use: a path relative to the working folder where
 * possible (what GitHub and GitLab resolve against the repository root), a URI otherwise.
 */
final class Locations {
    private Locations() {
    }

    /** Whether line and column of findings point into the file itself (plain text read as it is). */
    static boolean positionsInFile(Article a) {
        String t = a.mediaType() == null ? "" : a.mediaType();
        return a.id().equals(a.source()) && !isUrl(a.source()) && (a.filePositions() != null
                || t.startsWith("text/plain") || t.equals("text/x-rst") || t.equals("text/csv"));
    }

    /** Where a finding stands: 1-based lines and columns of its start and end, and its start and end offsets. */
    record Region(int line, int column, int endLine, int endColumn, int start, int end) {
    }

    /**
     * A finding's region: in the file when {@link #positionsInFile} (the text's own for plain text, looked up for a
     * text the reader changed: a Markdown article's marks taken out), in the extracted text otherwise.
     */
    static Region position(Article a, dev.calque.model.Finding f) {
        dev.calque.model.FilePositions p = a.filePositions();
        if (p == null || !positionsInFile(a)) return new Region(f.line(), f.column(), f.endLine(), f.endColumn(), f.start(), f.end());
        return new Region(p.line(f.start()), p.column(f.start()), p.line(f.end()), p.column(f.end()),
                p.offset(f.start()), Math.max(p.offset(f.start()), p.offset(f.end())));
    }

    /** A text offset in the same terms as {@link #position} (a sentence's start, for SARIF's context region). */
    static int offset(Article a, int textOffset) {
        return a.filePositions() == null || !positionsInFile(a) ? textOffset : a.filePositions().offset(textOffset);
    }

    /** The file part of a source (a feed item {@code feed.xml#guid} lives in {@code feed.xml}); null for URLs and stdin. */
    static String file(String source) {
        if (source == null || source.equals("-") || source.equals("stdin") || isUrl(source)) return null;
        int hash = source.indexOf('#');
        String p = hash >= 0 ? source.substring(0, hash) : source;
        return relative(p).replace('\\', '/');
    }

    /** A URI reference for SARIF's {@code artifactLocation.uri}: relative for files under the working folder. */
    static String uri(String source) {
        if (isUrl(source)) {
            String e = encodeLoose(source);
            int first = e.indexOf('#');
            return first < 0 ? e : e.substring(0, first + 1) + e.substring(first + 1).replace("#", "%23");
        }
        if (source.equals("-") || source.equals("stdin")) return "stdin";
        int hash = source.indexOf('#');
        String p = hash >= 0 ? source.substring(0, hash) : source;
        String fragment = hash >= 0 ? source.substring(hash + 1) : null;
        String rel = relative(p).replace('\\', '/');
        try {
            if (Path.of(rel).isAbsolute()) {
                URI u = Path.of(rel).toUri();
                return fragment == null ? u.toString() : new URI(u.getScheme(), null, u.getPath(), fragment).toString();
            }
            return new URI(null, null, rel, fragment).toString();
        } catch (URISyntaxException | InvalidPathException e) {
            return encodeLoose(source);
        }
    }

    private static String relative(String p) {
        try {
            Path path = Path.of(p);
            Path cwd = Path.of("").toAbsolutePath();
            Path abs = path.toAbsolutePath().normalize();
            return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : path.isAbsolute() ? abs.toString() : path.normalize().toString();
        } catch (InvalidPathException e) {
            return p;
        }
    }

    private static boolean isUrl(String s) {
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /** Percent-encodes what may not appear in a URI reference (spaces, controls, non-ASCII kept as UTF-8). */
    private static String encodeLoose(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) b.append((char) c);
            else b.append('%').append(String.format("%02X", c));
        }
        return b.toString();
    }
}
