package dev.calque.serve;

import dev.calque.model.MqmCategory;
import dev.calque.model.MqmCategory.Dimension;
import java.util.Locale;
import java.util.Map;
import org.languagetool.rules.ITSIssueType;
import org.languagetool.rules.RuleMatch;

/**
 * How a Calque finding appears to LanguageTool's clients: its MQM category as an ITS 2.0 issue type
 * (LanguageTool's {@code issueType}; MQM and ITS share their vocabulary, and {@code rules/en/languagetool.yml} is the
 * other direction) and as one of LanguageTool's rule categories ({@code category{id, name}}, by which clients
 * group and filter). The one table of this mapping; stock LanguageTool findings keep their own rule's.
 */
final class IssueTypes {
    /** @param typeName LanguageTool's match type, derived from the issue type as its pattern rules do */
    record Mapping(String issueType, String categoryId, String categoryName, String typeName) {
    }

    private record Target(String its, String categoryId, String categoryName) {
    }

    private static final Target TRANSLATION = new Target("mistranslation", "CALQUE_TRANSLATION", "Translation");

    /** By dimension: the issue type and category of a subtype this table does not name. */
    private static final Map<Dimension, Target> BY_DIMENSION = Map.of(
            Dimension.ACCURACY, TRANSLATION,
            Dimension.TERMINOLOGY, new Target("terminology", "SEMANTICS", "Semantics"),
            Dimension.LINGUISTIC_CONVENTIONS, new Target("grammar", "GRAMMAR", "Grammar"),
            Dimension.STYLE, new Target("style", "STYLE", "Style"),
            Dimension.LOCALE_CONVENTIONS, new Target("locale-violation", "TYPOGRAPHY", "Typography"),
            Dimension.AUDIENCE_APPROPRIATENESS, new Target("register", "STYLE", "Style"),
            Dimension.DESIGN_AND_MARKUP, new Target("formatting", "TYPOGRAPHY", "Typography"),
            Dimension.OTHER, new Target("other", "MISC", "Miscellaneous"));

    /** By subtype (lower case), within its dimension. */
    private static final Map<Dimension, Map<String, Target>> BY_SUBTYPE = Map.of(
            Dimension.ACCURACY, Map.of(
                    "untranslated", new Target("untranslated", TRANSLATION.categoryId(), TRANSLATION.categoryName()),
                    "addition", new Target("addition", TRANSLATION.categoryId(), TRANSLATION.categoryName()),
                    "omission", new Target("omission", TRANSLATION.categoryId(), TRANSLATION.categoryName())),
            Dimension.TERMINOLOGY, Map.of(
                    "inconsistent", new Target("inconsistent-entities", "SEMANTICS", "Semantics")),
            Dimension.LINGUISTIC_CONVENTIONS, Map.of(
                    "spelling", new Target("misspelling", "TYPOS", "Possible Typo"),
                    "punctuation", new Target("typographical", "PUNCTUATION", "Punctuation"),
                    "character encoding", new Target("characters", "TYPOGRAPHY", "Typography"),
                    "inconsistency", new Target("inconsistency", "MISC", "Miscellaneous"),
                    "other", new Target("other", "MISC", "Miscellaneous")),
            Dimension.STYLE, Map.of(
                    "register", new Target("register", "STYLE", "Style")),
            Dimension.LOCALE_CONVENTIONS, Map.of(
                    "number format", new Target("numbers", "TYPOGRAPHY", "Typography")));

    private IssueTypes() {
    }

    static Mapping of(String mqmCategory) {
        Target t = BY_DIMENSION.get(Dimension.OTHER);
        if (MqmCategory.isValid(mqmCategory)) {
            MqmCategory c = MqmCategory.parse(mqmCategory);
            t = BY_SUBTYPE.getOrDefault(c.core(), Map.of()).getOrDefault(c.subtype().toLowerCase(Locale.ROOT),
                    BY_DIMENSION.get(c.core()));
        }
        ITSIssueType its = ITSIssueType.getIssueType(t.its());
        // as LanguageTool's pattern rules do: style, locale and register issues are hints, the rest "Other"
        RuleMatch.Type type = its == ITSIssueType.Style || its == ITSIssueType.LocaleViolation || its == ITSIssueType.Register
                ? RuleMatch.Type.Hint : RuleMatch.Type.Other;
        return new Mapping(its.toString(), t.categoryId(), t.categoryName(), type.toString());
    }
}
