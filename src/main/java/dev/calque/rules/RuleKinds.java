package dev.calque.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of rule kinds a YAML rule may name: one line per kind. */
public final class RuleKinds {
    private static final Map<String, RuleKind<?>> KINDS = register(
            SubstitutionRule.KIND,
            ConsistencyRule.KIND,
            RegexRule.KIND,
            FragmentRule.KIND,
            UntranslatedRule.KIND);

    private RuleKinds() {
    }

    /** The kind of that name, or null. */
    public static RuleKind<?> named(String name) {
        return name == null ? null : KINDS.get(name);
    }

    /** Every kind's name, in registration order. */
    public static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }

    private static Map<String, RuleKind<?>> register(RuleKind<?>... kinds) {
        Map<String, RuleKind<?>> m = new LinkedHashMap<>();
        for (RuleKind<?> k : kinds) {
            if (m.put(k.name(), k) != null) throw new IllegalStateException("two rule kinds named " + k.name());
        }
        return m;
    }
}
