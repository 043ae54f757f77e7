package dev.calque.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.model.MqmCategory;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssueTypesTest {
    /**
     * Each category Calque's rules use goes to an ITS 2.0 issue type. (The round trip back through
     * MqmCategory.ofIts went when main moved the ITS -> MQM defaults into rules/en/languagetool.yml.)
     */
    @Test
    void everyKnownCategoryGoesToAnItsIssueType() {
        for (var e : MqmCategory.SUBTYPES.entrySet()) {
            for (String sub : e.getValue()) {
                String path = e.getKey() + "/" + sub;
                IssueTypes.Mapping m = IssueTypes.of(path);
                assertThat(MqmCategory.ITS_TYPES).as(path + " -> " + m.issueType()).contains(m.issueType());
                assertThat(m.categoryId()).as(path).isNotBlank();
            }
        }
    }

    @Test
    void subtypesThatHaveAnItsNameKeepIt() {
        assertThat(IssueTypes.of("Accuracy/Untranslated").issueType()).isEqualTo("untranslated");
        assertThat(IssueTypes.of("Fluency/Spelling").issueType()).isEqualTo("misspelling");
        assertThat(IssueTypes.of("Linguistic conventions/Spelling").issueType()).isEqualTo("misspelling");
        assertThat(IssueTypes.of("Locale/Number format").issueType()).isEqualTo("numbers");
        assertThat(IssueTypes.of("Style/Unidiomatic")).extracting(IssueTypes.Mapping::issueType, IssueTypes.Mapping::typeName)
                .isEqualTo(List.of("style", "Hint"));
        assertThat(IssueTypes.of("Accuracy/Mistranslation").categoryId()).isEqualTo("CALQUE_TRANSLATION");
        assertThat(IssueTypes.of("Nonsense/Thing").issueType()).isEqualTo("other");
    }
}
