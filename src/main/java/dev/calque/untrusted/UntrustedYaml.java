package dev.calque.untrusted;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
    /** Characters per document (8 million: the largest rule table is a few hundred kilobytes). */
    static final int MAX_CHARS = 8 << 20;

    private UntrustedYaml() {
    }

    public static YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CHARS);
        options.setAllowDuplicateKeys(false);
        YAMLFactory f = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_CHARS).build())
                .build();
        return f;
    }

    /**
     * Why a file Calque did not write could not be read, in plain words: the limits above and the shapes
     * Calque expects, never the library's class names ({@code ArrayList<JsonNode>}, {@code
     * StreamReadConstraints.getMaxNestingDepth()}). Only the first line of anything else is kept.
     */
    public static String reason(com.fasterxml.jackson.core.JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
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
        String first = m.lines().findFirst().orElse("").strip();
        return first.isEmpty() ? e.getClass().getSimpleName() : first;
    }
}
