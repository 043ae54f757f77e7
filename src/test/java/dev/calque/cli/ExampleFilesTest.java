package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.calque.model.Severity;
import dev.calque.score.Suppressions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example CI files in docs/examples parse, and the example configuration loads as Calque reads it. */
class ExampleFilesTest {
    static final Path EXAMPLES = Path.of("docs/examples");
    final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void githubWorkflowParsesAndUploadsSarifJunitAndReports() throws Exception {
        JsonNode wf = yaml.readTree(EXAMPLES.resolve("github-workflow.yml").toFile());
        JsonNode steps = wf.at("/jobs/calque/steps");
        assertThat(steps.isArray()).isTrue();
        String all = steps.toString();
        assertThat(all).contains("upload-sarif", "calque.sarif", "calque-junit.xml", "reports/", "--format github");
    }

    @Test
    void gitlabJobParsesAndDeclaresTheJunitReport() throws Exception {
        JsonNode ci = yaml.readTree(EXAMPLES.resolve("gitlab-ci.yml").toFile());
        assertThat(ci.at("/translation-quality/artifacts/reports/junit").asText()).isEqualTo("calque-junit.xml");
        assertThat(ci.at("/translation-quality/artifacts/paths").toString()).contains("reports/", "calque.sarif");
        assertThat(ci.at("/feed-watch/script").toString()).contains("--state .calque-state.json");
    }

    @Test
    void exampleConfigurationLoadsThroughTheConfigLoader() {
        Config c = Config.load(EXAMPLES.resolve("calque.yml"));
        Settings s = c.settings();
        assertThat(s.gate().failOn()).isEqualTo(Severity.MAJOR);
        assertThat(s.gate().minScore()).isEqualTo(90.0);
        assertThat(s.scoring().minWords()).isEqualTo(250);
        assertThat(c.severityOverrides()).containsEntry("FR_NAME_FORM", Severity.CRITICAL);
        assertThat(s.skipPath().test("articles/drafts/a.txt")).isTrue();
        assertThat(s.skipPath().test("articles/a.txt")).isFalse();
    }

    @Test
    void exampleSuppressionsLoad() {
        assertThat(Suppressions.load(null, EXAMPLES.resolve("calque-suppressions.yml")).isEmpty()).isFalse();
    }
}
