package dev.calque.serve;

import java.util.Map;
import org.languagetool.rules.ITSIssueType;
import org.languagetool.rules.RuleMatch;

/**
 * How a Calque finding appears to LanguageTool's clients: its MQM category as an ITS 2.0 issue type
 * (LanguageTool's {@code issueType}; both vocabularies descend from the same ITS list) and as one of
 * LanguageTool's rule categories ({@code category{id, name}}, which clients group and filter by). The one
 * table of this mapping; stock LanguageTool findings keep the issue type and category of their own rule.
 */
final class IssueTypes {
    /** @param typeName LanguageTool's match type, derived from the issue type as its pattern rules do */
    record Mapping(String issueType, String categoryId, String categoryName, String typeName) {
    }

    private static final String TRANSLATION = "CALQUE_TRANSLATION";
    private static final String TRANSLATION_NAME = "Translation";

    /** MQM category (or dimension) -> ITS issue type and LanguageTool category; the most specific entry wins. */
    private static final Map<String, String[]> TABLE = Map.ofEntries(
            Map.entry("Accuracy", new String[] {"mistranslation", TRANSLATION, TRANSLATION_NAME}),
            Map.entry("Accuracy/Mistranslation", new String[] {"mistranslation", TRANSLATION, TRANSLATION_NAME}),
            Map.entry("Accuracy/Untranslated", new String[] {"untranslated", TRANSLATION, TRANSLATION_NAME}),
            Map.entry("Accuracy/Addition", new String[] {"addition", TRANSLATION, TRANSLATION_NAME}),
            Map.entry("Accuracy/Omission", new String[] {"omission", TRANSLATION, TRANSLATION_NAME}),
            Map.entry("Fluency", new String[] {"grammar", "GRAMMAR", "Grammar"}),
            Map.entry("Fluency/Grammar", new String[] {"grammar", "GRAMMAR", "Grammar"}),
            Map.entry("Fluency/Spelling", new String[] {"misspelling", "TYPOS", "Possible Typo"}),
            Map.entry("Fluency/Punctuation", new String[] {"typographical", "PUNCTUATION", "Punctuation"}),
            Map.entry("Fluency/Character encoding", new String[] {"characters", "TYPOGRAPHY", "Typography"}),
            Map.entry("Fluency/Inconsistency", new String[] {"inconsistency", "MISC", "Miscellaneous"}),
            Map.entry("Fluency/Other", new String[] {"other", "MISC", "Miscellaneous"}),
            Map.entry("Style", new String[] {"style", "STYLE", "Style"}),
            Map.entry("Style/Register", new String[] {"register", "STYLE", "Style"}),
            Map.entry("Terminology", new String[] {"terminology", "SEMANTICS", "Semantics"}),
            Map.entry("Terminology/Inconsistent", new String[] {"inconsistent-entities", "SEMANTICS", "Semantics"}),
            Map.entry("Locale", new String[] {"locale-violation", "TYPOGRAPHY", "Typography"}),
            Map.entry("Locale/Number format", new String[] {"numbers", "TYPOGRAPHY", "Typography"}));

    private IssueTypes() {
    }

    static Mapping of(String mqmCategory) {
        String[] m = TABLE.get(mqmCategory);
        if (m == null) {
            int slash = mqmCategory.indexOf('/');
            m = TABLE.get(slash < 0 ? mqmCategory : mqmCategory.substring(0, slash));
        }
        if (m == null) m = new String[] {"uncategorized", "MISC", "Miscellaneous"};
        ITSIssueType its = ITSIssueType.getIssueType(m[0]);
        // as LanguageTool's pattern rules do: style, locale and register issues are hints, the rest "Other"
        RuleMatch.Type type = its == ITSIssueType.Style || its == ITSIssueType.LocaleViolation || its == ITSIssueType.Register
                ? RuleMatch.Type.Hint : RuleMatch.Type.Other;
        return new Mapping(its.toString(), m[1], m[2], type.toString());
    }
}
