package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.ingest.DocumentReader;
import dev.calque.ingest.Fixtures;
import dev.calque.ingest.IngestLimits;
import dev.calque.model.Article;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reasons the round-five mutation sweep ({@link MutationSweepHarness}) showed to be wrong in words: an ODT
 * whose {@code mimetype} entry had a byte flipped was described by that damaged type, bytes and all
 * ("no text to check in this application/vnd.oasis.opendocume\ufffdt.text document"); and a one-page PDF
 * whose only page is damaged, though PDFBox still read some of it, was said to have "the other pages" checked.
 */
class MutantReasonsTest {
    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);

    @Test
    void aTypeTheFileDamagedIsNotQuotedInTheReason() throws Exception {
        byte[] odt = Files.readAllBytes(Fixtures.odt(dir));
        String head = new String(odt, 0, 200, StandardCharsets.ISO_8859_1);
        int at = head.indexOf("opendocument.text");
        assertThat(at).isPositive();
        int refused = 0;
        for (byte bad : new byte[] {(byte) 0x9d, 0, ' '}) {
            byte[] b = odt.clone();
            b[at + 10] = bad;
            try {
                reader.read(b, "flipped.odt", "flipped.odt", "flipped.odt", null);
            } catch (DocumentReader.Unreadable e) {
                refused++;
                assertThat(e.getMessage()).as(e.getMessage()).matches("[\\x20-\\x7e]+").doesNotContain("opendocume");
            }
        }
        assertThat(refused).isPositive();
    }

    @Test
    void aDocumentWhoseEveryPageIsDamagedButPartlyReadSaysSo() {
        Article a = new Article("one.pdf", "one.pdf", "one.pdf", "t", "Some text PDFBox still read.", "application/pdf",
                Map.of(DocumentReader.DAMAGED_PAGES, "1", DocumentReader.PAGES, "1"));
        assertThat(DocumentReader.damagedPages(a)).isEqualTo(
                "page 1 of 1 is damaged (content that cannot be decoded): part of the text may be missing; what could be read was checked");
        Article three = new Article("t.pdf", "t.pdf", "t.pdf", "t", "Text.", "application/pdf",
                Map.of(DocumentReader.DAMAGED_PAGES, "2", DocumentReader.PAGES, "3"));
        assertThat(DocumentReader.damagedPages(three)).endsWith("its text is missing; the other pages were checked");
    }
}
