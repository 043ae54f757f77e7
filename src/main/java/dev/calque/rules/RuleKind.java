package dev.calque.rules;

/**
 * A generic rule mechanism, named in a YAML rule with {@code kind:} (as Vale's {@code extends:}).
 * A kind owns the keys its rules may carry, as a record: the loader reads a rule's own keys into
 * that record and refuses any other key, so a {@code regex} rule with a {@code table:} does not load
 * and say nothing. The keys every rule has (id, name, kind, category, severity, message, examples)
 * are read by the loader.
 *
 * <p>Adding a kind: a {@link TextRule} subclass with a nested {@code Kind} implementing this, and
 * its line in {@link RuleKinds}.
 *
 * @param <K> the record of the kind's own keys; a key a rule leaves out is null
 */
public interface RuleKind<K extends Record> {

    /** The name a rule file gives in {@code kind:}. */
    String name();

    /** The record the kind's own keys are read into. */
    Class<K> keys();

    /**
     * Builds the rule.
     *
     * @throws RuleFileException (through {@link RuleDefinition#fail}) when the keys do not make a rule
     */
    TextRule build(K keys, RuleDefinition rule);

    /**
     * Whether the kind's findings are generic (a spelling that differs from the rest of the article, a
     * short sentence without a verb): where a rule of a specific kind flags the same passage, its
     * finding is kept instead.
     */
    default boolean generic() {
        return false;
    }
}
