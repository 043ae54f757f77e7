package dev.calque.rules;

/**
 * A generic rule mechanism, named in a YAML rule with {@code kind:} (as Vale's {@code extends:}).
 * A kind owns the keys its rules may carry, as a record: the loader reads a rule's own keys into
 * that record and refuses any other key, so a {@code regex} rule with a {@code table:} does not load
 * and say nothing. The keys every rule has (id, name, kind, category, severity, message, examples)
 * are read by the loader.
 *
 * <p>Adding a kind: a {@link TextRule} subclass with its {@code Keys} record, a static {@code build}
 * and a {@code KIND} made by {@link #of} or {@link #generic}, and its line in {@link RuleKinds}.
 *
 * @param name    the name a rule file gives in {@code kind:}
 * @param keys    the record the kind's own keys are read into; a key a rule leaves out is null
 * @param generic whether the kind's findings are generic (a spelling that differs from the rest of the
 *                article, a short sentence without a verb): where a rule of a specific kind flags the
 *                same passage, its finding is kept instead
 * @param builder builds the rule from its keys
 * @param <K>     the record of the kind's own keys
 */
public record RuleKind<K extends Record>(String name, Class<K> keys, boolean generic, Builder<K> builder) {

    /** Builds a rule of a kind from the keys read into its record. */
    @FunctionalInterface
    public interface Builder<K> {
        /**
         * Builds the rule.
         *
         * @throws RuleFileException (through {@link RuleDefinition#fail}) when the keys do not make a rule
         */
        TextRule build(K keys, RuleDefinition rule);
    }

    /** A kind whose findings are specific: they win over a generic kind's on the same passage. */
    public static <K extends Record> RuleKind<K> of(String name, Class<K> keys, Builder<K> builder) {
        return new RuleKind<>(name, keys, false, builder);
    }

    /** A kind whose findings are generic: a specific kind's finding on the same passage is kept instead. */
    public static <K extends Record> RuleKind<K> generic(String name, Class<K> keys, Builder<K> builder) {
        return new RuleKind<>(name, keys, true, builder);
    }

    /** Builds the rule (see {@link Builder#build}). */
    public TextRule build(K keys, RuleDefinition rule) {
        return builder.build(keys, rule);
    }
}
