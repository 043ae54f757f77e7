package dev.calque.untrusted;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML reader for files Calque did not write ({@code calque.yml}, rule tables, suppressions):
 * a few aliases at most (a "billion laughs" file expands aliases of aliases), shallow nesting,
 * no recursive keys, and a size limit far above any real settings or rule file.
 */
public final class UntrustedYaml {
    /** Aliases per document: real settings files use none or a handful. */
    static final int MAX_ALIASES = 20;
    static final int MAX_DEPTH = 40;
    /**
     * Characters per document: 2 million (the largest rule table is a few hundred kilobytes; 2 MB of
     * suppressions is ten thousand entries). SnakeYAML scans a long scalar in quadratic time (1 MB 1.3 s,
     * 4 MB 9.4 s, a 10 MB attribute pasted into a rule file's example held the run past 120 s; round nine):
     * the limit bounds that to a few seconds.
     */
    static final int MAX_CHARS = 2 << 20;

    private UntrustedYaml() {
    }

    public static YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CHARS);
        options.setAllowDuplicateKeys(false);
        return new Unicode(YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_CHARS).build()));
    }

    /**
     * Jackson decodes YAML bytes as UTF-8 only; YAML 1.2 also allows UTF-16 and UTF-32, told by a mark or by
     * zero bytes ({@link UnicodeText}). The text then goes through the same limits as UTF-8 (SnakeYAML counts
     * code points, aliases and depth on the characters).
     */
    private static final class Unicode extends YAMLFactory {
        Unicode(com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder b) {
            super(b);
        }

        @Override
        protected java.io.Reader _createReader(java.io.InputStream in, com.fasterxml.jackson.core.JsonEncoding enc,
                                               com.fasterxml.jackson.core.io.IOContext ctxt) throws java.io.IOException {
            java.io.BufferedInputStream b = new java.io.BufferedInputStream(in, UnicodeText.HEAD);
            b.mark(UnicodeText.HEAD);
            byte[] head = b.readNBytes(UnicodeText.HEAD);
            b.reset();
            UnicodeText.Encoding e = UnicodeText.of(head, head.length);
            return bounded(e.utf8() ? super._createReader(b, enc, ctxt) : UnicodeText.reader(b, e));
        }

        @Override
        protected java.io.Reader _createReader(byte[] data, int offset, int len, com.fasterxml.jackson.core.JsonEncoding enc,
                                               com.fasterxml.jackson.core.io.IOContext ctxt) throws java.io.IOException {
            UnicodeText.Encoding e = UnicodeText.of(java.util.Arrays.copyOfRange(data, offset,
                    offset + Math.min(len, UnicodeText.HEAD)), Math.min(len, UnicodeText.HEAD));
            return bounded(e.utf8() ? super._createReader(data, offset, len, enc, ctxt)
                    : UnicodeText.reader(new java.io.ByteArrayInputStream(data, offset, len), e));
        }

        /**
         * Stops reading past {@link #MAX_CHARS}: SnakeYAML counts code points only once a scalar is scanned, and it
         * scans a long one in quadratic time (a 10 MB value took 185 s to be refused as too large).
         */
        private static java.io.Reader bounded(java.io.Reader in) {
            return new java.io.FilterReader(in) {
                private long read;

                @Override
                public int read(char[] cbuf, int off, int len) throws java.io.IOException {
                    int n = super.read(cbuf, off, len);
                    if (n > 0 && (read += n) > MAX_CHARS) {
                        throw new java.io.CharConversionException("The incoming YAML document exceeds the limit: " + MAX_CHARS
                                + " code points.");
                    }
                    return n;
                }

                @Override
                public int read() throws java.io.IOException {
                    char[] one = new char[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0];
                }
            };
        }
    }

    private static final Pattern INVALID_WIDE = Pattern.compile(UnicodeText.INVALID + "(UTF-(?:16|32)(?:LE|BE)) (\\([^)]*\\)|: cut short)");
    private static final Pattern INVALID_UTF8 = Pattern.compile("Invalid UTF-8 (?:start|middle) byte (0x[0-9a-fA-F]{2})");

    /**
     * Why a file Calque did not write could not be read, in plain words: the limits above and the shapes
     * Calque expects, never the library's class names ({@code ArrayList<JsonNode>}, {@code
     * StreamReadConstraints.getMaxNestingDepth()}). Only the first line of anything else is kept.
     */
    public static String reason(com.fasterxml.jackson.core.JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher utf8 = INVALID_UTF8.matcher(m);
        if (utf8.find()) return "not valid UTF-8 (byte " + utf8.group(1) + "; save the file as UTF-8)";
        if (m.contains("Unexpected EOF in the middle of a multi-byte char")) {
            return "not valid UTF-8: the file ends inside a character (cut short?)";
        }
        int mark = m.indexOf(UnicodeText.NOT_UTF16);
        if (mark >= 0) return m.substring(mark).lines().findFirst().orElse("") + "; save the file as UTF-8";
        Matcher wide = INVALID_WIDE.matcher(m);
        if (wide.find()) return "not valid " + wide.group(1) + " " + wide.group(2) + "; save the file as UTF-8";
        if (m.startsWith("No content to map due to end-of-input")) return "the file is empty";
        if (m.contains("nesting depth") || m.contains("Nesting Depth")) {
            return "nested more than " + MAX_DEPTH + " levels deep; not read";
        }
        if (m.contains("Number of aliases")) {
            return "more than " + MAX_ALIASES + " aliases to lists or mappings (an alias bomb expands them exponentially); not read";
        }
        if (m.contains("exceeds the limit") && m.contains("code points") || m.contains("String value length")) {
            return "larger than " + (MAX_CHARS >> 20) + " M characters; not read";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi && mi.getTargetType() != null) {
            Class<?> t = mi.getTargetType();
            if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) {
                return "expected a list here (write [a, b] or one '- item' per line)";
            }
            if (java.util.Map.class.isAssignableFrom(t) || t.getName().startsWith("dev.calque")
                    || com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(t)) {
                return "expected a mapping (key: value lines) here";
            }
            if (t == String.class) return "expected a text value here";
            if (Number.class.isAssignableFrom(t) || t.isPrimitive()) return "expected a number or a yes/no value here";
        }
        return scanner(m, e.getClass().getSimpleName());
    }

    /**
     * SnakeYAML's reason is a context line ("while scanning a quoted scalar"), where, then the problem
     * ("found unexpected end of stream"): the two together, in plain words for the common ones (round
     * eight's sweep of damaged rule files and calque.yml gave the context line alone).
     */
    static String scanner(String m, String fallback) {
        // the context and the problem start their lines; where ("in 'reader', line 3") and the quoted
        // excerpt are indented
        List<String> lines = m.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) return fallback;
        String context = lines.get(0).strip();
        String problem = null;
        for (int i = 1; i < lines.size() && problem == null; i++) {
            if (!Character.isWhitespace(lines.get(i).charAt(0))) problem = lines.get(i).strip();
        }
        if (context.startsWith("mapping values are not allowed")) {
            return "a ': ' where no key may start (quote a text that holds a colon)";
        }
        if (m.contains("special characters are not allowed")) {
            return "a control character YAML does not allow (a NUL or another code below 32 other than tab and line breaks)";
        }
        if (!context.startsWith("while ") || problem == null) return context;
        if (problem.contains("unexpected end of stream")) {
            return "the file ends inside " + (context.contains("quoted") ? "a quoted text" : "an unfinished value") + " (cut short?)";
        }
        if (context.contains("simple key") && problem.contains("expected ':'")) {
            return "a line that is neither 'key: value' nor a '- item' (a key without its colon?)";
        }
        if (context.startsWith("while parsing a block") && problem.contains("expected <block end>")) {
            return "a value that goes on where a new " + (context.contains("collection") ? "'- item'" : "'key: value'")
                    + " line was expected (check the indentation and quoting)";
        }
        if (problem.contains("cannot start any token")) {
            return "a character that cannot start a YAML value here (a tab where only spaces indent?)";
        }
        return context + ": " + problem;
    }
}
