package dev.calque.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calque.model.Article;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PDF with a damaged page: the other pages are read, and the damaged one is named in one line. */
class DamagedPdfTest {
    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);

    private List<Article> read(Path pdf) throws Exception {
        return reader.read(Files.readAllBytes(pdf), pdf.getFileName().toString(), pdf.toString(), pdf.toString(), null);
    }

    @Test
    void theOtherPagesAreReadAndTheDamagedOneIsNamed() throws Exception {
        Article a = read(HostileFiles.damagedPagesPdf(dir, "report.pdf", 2)).get(0);
        assertThat(a.text()).contains("On page 1 the minister").contains("On page 3 the minister").doesNotContain("page 2");
        assertThat(DocumentReader.damagedPages(a)).isEqualTo(
                "page 2 of 3 is damaged (content that cannot be decoded): its text is missing; the other pages were checked");
    }

    @Test
    void anUndamagedPdfHasNoSuchLine() throws Exception {
        Article a = read(HostileFiles.damagedPagesPdf(dir, "fine.pdf")).get(0);
        assertThat(a.text()).contains("On page 2 the minister");
        assertThat(DocumentReader.damagedPages(a)).isNull();
        assertThat(DocumentReader.damagedPages(read(Fixtures.pdf(dir)).get(0))).isNull();
    }

    @Test
    void severalDamagedPagesAreListedAndAllDamagedIsUnreadable() throws Exception {
        Article a = read(HostileFiles.damagedPagesPdf(dir, "two.pdf", 1, 3)).get(0);
        assertThat(a.text()).contains("On page 2").doesNotContain("page 1").doesNotContain("page 3");
        assertThat(DocumentReader.damagedPages(a)).startsWith("pages 1 and 3 of 3 are damaged");
        Path all = HostileFiles.damagedPagesPdf(dir, "all.pdf", 1, 2, 3);
        assertThatThrownBy(() -> read(all)).isInstanceOf(DocumentReader.Unreadable.class)
                .hasMessage("pages 1, 2 and 3 of 3 are damaged (content that cannot be decoded): no text to check");
    }
}
