package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The console beside an original: under each finding's sentence, the original sentence it is aligned with. */
class ConsoleOriginalTest {

    @Test
    void theOriginalSentenceIsPrintedUnderTheTranslations() {
        CliRun run = CliRun.of("check", "--fail-on", "never", "--source", "src/test/resources/articles/000_5323ff96fa5a9330.fr.txt",
                "src/test/resources/articles/000_5323ff96fa5a9330.txt");
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        int poutine = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains("FR_NAME_FORM")) poutine = i;
        assertThat(poutine).as(run.out()).isGreaterThanOrEqualTo(0);
        assertThat(lines.get(poutine + 1)).contains("Vladimir ⟦Poutine⟧ said he was");
        assertThat(lines.get(poutine + 2)).startsWith("      original: Selon le Kremlin, Vladimir Poutine s'est dit");
        // the leftover "source site" has no original: said so, not left out
        int site = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains("⟦source site⟧")) site = i;
        assertThat(lines.get(site + 1)).isEqualTo("      original: —");
    }
}
