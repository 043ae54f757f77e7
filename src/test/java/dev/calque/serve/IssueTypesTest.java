package dev.calque.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.model.MqmCategory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssueTypesTest {
    /**
     * Each category Calque's rules use goes to an ITS type that Calque's own stock-rule table
     * (rules/en/languagetool.yml, ITS type -> MQM) maps back into the same MQM dimension.
     */
    @Test
    void everyKnownCategoryRoundTripsThroughItsIssueType() throws Exception {
        JsonNode types = new ObjectMapper(new YAMLFactory()).readTree(Path.of("rules/en/languagetool.yml").toFile())
                .get("languagetool").get("types");
        assertThat(types.size()).isPositive();
        int roundTrips = 0;
        for (var e : MqmCategory.SUBTYPES.entrySet()) {
            for (String sub : e.getValue()) {
                String path = e.getKey() + "/" + sub;
                IssueTypes.Mapping m = IssueTypes.of(path);
                assertThat(MqmCategory.ITS_TYPES).as(path).contains(m.issueType());
                assertThat(m.categoryId()).as(path).isNotBlank();
                JsonNode back = types.get(m.issueType());
                if (back == null) continue; // an ITS type stock rules never declare
                roundTrips++;
                assertThat(MqmCategory.parse(back.get("category").asText()).core()).as(path + " -> " + m.issueType())
                        .isEqualTo(MqmCategory.parse(path).core());
            }
        }
        assertThat(roundTrips).isGreaterThan(10);
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
