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
}
