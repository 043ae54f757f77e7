package dev.calque.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MQM category to ITS issue type, as written into XLIFF. */
class ItsTypeTest {

    /** Writing agrees with reading: a category stock rules get for an ITS type goes back to a type of that category. */
    @Test
    void every_its_type_the_stock_labels_read_comes_back_as_a_type_of_the_same_category() throws Exception {
        JsonNode types = new ObjectMapper(new YAMLFactory()).readTree(Path.of("rules/en/languagetool.yml").toFile())
                .path("languagetool").path("types");
        assertThat(types.size()).isGreaterThan(10);
        for (Iterator<Map.Entry<String, JsonNode>> it = types.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String category = e.getValue().path("category").asText();
            String back = MqmCategory.parse(category).itsType();
            assertThat(types.path(back).path("category").asText()).as(e.getKey() + " -> " + category + " -> " + back)
                    .isEqualTo(category);
        }
    }

    @Test
    void calques_own_categories_get_the_issue_types_a_cat_tool_expects() {
        assertThat(MqmCategory.parse("Accuracy/Omission").itsType()).isEqualTo("omission");
        assertThat(MqmCategory.parse("Accuracy/Untranslated").itsType()).isEqualTo("untranslated");
        assertThat(MqmCategory.parse("Accuracy/Mistranslation").itsType()).isEqualTo("mistranslation");
        assertThat(MqmCategory.parse("Linguistic conventions/Spelling").itsType()).isEqualTo("misspelling");
        assertThat(MqmCategory.parse("Fluency/Punctuation").itsType()).isEqualTo("typographical");
        assertThat(MqmCategory.parse("Locale/Number format").itsType()).isEqualTo("numbers");
        assertThat(MqmCategory.parse("Locale/Date format").itsType()).isEqualTo("locale-violation");
        assertThat(MqmCategory.parse("Terminology/Wrong term").itsType()).isEqualTo("terminology");
        assertThat(MqmCategory.parse("Style/Unidiomatic").itsType()).isEqualTo("style");
        assertThat(MqmCategory.parse("Design/Markup").itsType()).isEqualTo("markup");
        assertThat(MqmCategory.parse("Other").itsType()).isEqualTo("other");
    }
}
