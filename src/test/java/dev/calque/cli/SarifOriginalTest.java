package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF keeps its shape beside an original; each finding points at the original's passage with a related location. */
class SarifOriginalTest {
    private static final Path SEED = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt");
    private static final Path FRENCH = Path.of("src/test/resources/articles/000_5323ff96fa5a9330.fr.txt");

    @Test
    void aFindingBesideItsOriginalHasARelatedLocationInTheOriginal(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out.sarif");
        CliRun run = CliRun.of("check", "-q", "--fail-on", "never", "--source", FRENCH.toString(), "-f", "sarif",
                "-o", out.toString(), SEED.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String french = Files.readString(FRENCH, StandardCharsets.UTF_8);
        JsonNode results = new ObjectMapper().readTree(out.toFile()).get("runs").get(0).get("results");
        int related = 0;
        for (JsonNode r : results) {
            JsonNode rel = r.get("relatedLocations");
            if (rel == null) continue;
            related++;
            JsonNode loc = rel.get(0).get("physicalLocation");
            assertThat(loc.get("artifactLocation").get("uri").asText()).endsWith("000_5323ff96fa5a9330.fr.txt");
            int offset = loc.get("region").get("charOffset").asInt();
            int length = loc.get("region").get("charLength").asInt();
            assertThat(french.substring(offset, offset + length)).isEqualTo(loc.get("region").get("snippet").get("text").asText());
            // the main location is still the translation's
            assertThat(r.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
                    .endsWith("000_5323ff96fa5a9330.txt");
        }
        assertThat(related).as("findings with an original passage").isGreaterThan(5);
        JsonNode poutine = null;
        for (JsonNode r : results) if (r.get("ruleId").asText().equals("FR_NAME_FORM")) poutine = r;
        assertThat(poutine.get("relatedLocations").get(0).get("physicalLocation").get("region").get("snippet").get("text").asText())
                .startsWith("Selon le Kremlin, Vladimir Poutine");
    }
}
