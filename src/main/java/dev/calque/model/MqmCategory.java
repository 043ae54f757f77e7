package dev.calque.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An MQM category path such as {@code Accuracy/Mistranslation}: a dimension Calque accepts, then an
 * optional subtype. The one place that says which dimensions exist, which older names count as one
 * of them, and which ITS 2.0 issue types (LanguageTool's {@code ITSIssueType}) a rule pack may map to
 * a category (the mapping itself is data: {@code rules/en/languagetool.yml}).
 *
 * <p>Subtypes are free text: MQM lets a project add its own below a dimension, and the annotated
 * corpora do. {@link #SUBTYPES} lists the ones Calque's own rules and stock mapping use. The path
 * keeps the dimension as it was written ({@code Fluency} stays {@code Fluency}), so figures grouped
 * by dimension read as the rule files and corpora name them.
 *
 * @param path      the category as written, e.g. {@code Locale/Number format}
 * @param dimension its first part, e.g. {@code Locale}
 * @param subtype   the rest, or the empty string
 */
public record MqmCategory(String path, String dimension, String subtype) {

    /** MQM-Core 2.0 dimensions, with the older names (MQM 1, the WMT corpora) that mean the same. */
    public enum Dimension {
        TERMINOLOGY("Terminology"),
        ACCURACY("Accuracy"),
        LINGUISTIC_CONVENTIONS("Linguistic conventions", "Fluency"),
        STYLE("Style"),
        LOCALE_CONVENTIONS("Locale conventions", "Locale"),
        AUDIENCE_APPROPRIATENESS("Audience appropriateness"),
        DESIGN_AND_MARKUP("Design and markup", "Design"),
        OTHER("Other");

        private final String label;
        private final List<String> aliases;

        Dimension(String label, String... aliases) {
            this.label = label;
            this.aliases = List.of(aliases);
        }

        /** The MQM-Core 2.0 name. */
        public String label() {
            return label;
        }

        /** The name and its older names. */
        public List<String> names() {
            List<String> n = new ArrayList<>(aliases.size() + 1);
            n.add(label);
            n.addAll(aliases);
            return n;
        }

        /** The dimension a name stands for (case as written in MQM), or null. */
        public static Dimension named(String name) {
            for (Dimension d : values()) if (d.label.equals(name) || d.aliases.contains(name)) return d;
            return null;
        }
    }

    /** Every dimension name a category may start with, MQM-Core names each followed by its older names. */
    public static final List<String> DIMENSION_NAMES = dimensionNames();

    /** Subtypes Calque's rules and its stock mapping use, by dimension name (others are allowed). */
    public static final Map<String, List<String>> SUBTYPES = Map.of(
            "Accuracy", List.of("Mistranslation", "Omission", "Addition", "Untranslated", "Do not translate"),
            "Fluency", List.of("Grammar", "Spelling", "Punctuation", "Character encoding", "Inconsistency", "Other"),
            "Terminology", List.of("Wrong term", "Inconsistent"),
            "Style", List.of("Unidiomatic", "Register"),
            "Locale", List.of("Number format", "Date format", "Time format", "Currency format", "Convention"));

    /**
     * The ITS 2.0 localization-quality issue types (their ITS names, as LanguageTool's
     * {@code ITSIssueType} prints them): what a rule pack's {@code languagetool: types:} may map to an
     * MQM category. Which category each gets is data, in {@code rules/en/languagetool.yml}.
     */
    public static final java.util.Set<String> ITS_TYPES = java.util.Set.of("terminology", "mistranslation",
            "omission", "untranslated", "addition", "duplication", "inconsistency", "grammar", "legal", "register",
            "locale-specific-content", "locale-violation", "style", "characters", "misspelling", "typographical",
            "formatting", "inconsistent-entities", "numbers", "markup", "pattern-problem", "whitespace",
            "internationalization", "length", "non-conformance", "uncategorized", "other");

    /** The category of a stock rule whose ITS issue type no rule pack maps. */
    public static final String ITS_FALLBACK = "Fluency/Other";

    public MqmCategory {
        if (Dimension.named(dimension) == null) {
            throw new IllegalArgumentException("MQM category '" + path + "' does not start with one of "
                    + DIMENSION_NAMES);
        }
    }

    /**
     * Reads a category path.
     *
     * @throws IllegalArgumentException naming the category and the accepted dimensions when the path
     *                                  is empty or starts with no dimension Calque knows
     */
    public static MqmCategory parse(String path) {
        if (path == null || path.isBlank()) throw new IllegalArgumentException("empty MQM category");
        int slash = path.indexOf('/');
        return slash < 0 ? new MqmCategory(path, path, "")
                : new MqmCategory(path, path.substring(0, slash), path.substring(slash + 1));
    }

    /** Whether a path starts with a dimension Calque knows. */
    public static boolean isValid(String path) {
        return path != null && Dimension.named(dimensionOf(path)) != null;
    }

    /**
     * The first part of a category path as written, without validating it ({@code ""} for null):
     * annotated corpora carry categories Calque does not check, and still group by their first part.
     */
    public static String dimensionOf(String path) {
        if (path == null) return "";
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    /** The MQM-Core dimension this category belongs to. */
    public Dimension core() {
        return Dimension.named(dimension);
    }

    @Override
    public String toString() {
        return path;
    }

    private static List<String> dimensionNames() {
        List<String> names = new ArrayList<>();
        for (Dimension d : Dimension.values()) names.addAll(d.names());
        return List.copyOf(names);
    }
}
