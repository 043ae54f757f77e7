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

    /** The reader's refusal of these bytes, or null when it read them. */
    private String refusal(byte[] b, String name) throws Exception {
        try {
            reader.read(b, name, name, name, null);
            return null;
        } catch (DocumentReader.Unreadable e) {
            return e.getMessage();
        }
    }

    /**
     * Round nine's sweep: a TMX or XLIFF saved as UTF-16 without its mark but still declaring UTF-8 was refused in
     * Woodstox's words ({@code Declared encoding 'UTF-8' uses 1 bytes per character; but physical encoding appeared
     * to use 2; cannot decode at [row,col,system-id]: [1,38,"N/A"]}); a TMX whose UTF-16 mark stands before UTF-8
     * bytes was said to hold "an XML part" that is cut short, as if it were a zip.
     */
    @Test
    void xmlFilesInAnotherEncodingThanTheySayAreNamedSo() throws Exception {
        for (String f : new String[] {"bilingual/seed.fr-en.tmx", "bilingual/seed.fr-en.xlf", "bilingual/okapi-RB-12-Test02.xlf"}) {
            String xml = Files.readString(Path.of("src/test/resources", f));
            String reason = refusal(xml.getBytes(StandardCharsets.UTF_16LE), Path.of(f).getFileName().toString());
            String declared = xml.replaceFirst("(?s)^<\\?xml[^>]*encoding=\"([^\"]+)\".*", "$1");
            assertThat(reason).as(f).contains("the file is in UTF-16 without a byte-order mark, but declares the encoding '"
                            + declared + "'")
                    .doesNotContain("row,col", "physical", "N/A");
        }
        byte[] tmx = Files.readAllBytes(Path.of("src/test/resources/bilingual/seed.fr-en.tmx"));
        byte[] marked = new byte[tmx.length + 2];
        marked[0] = (byte) 0xFF;
        marked[1] = (byte) 0xFE;
        System.arraycopy(tmx, 0, marked, 2, tmx.length);
        // refused by its first bytes, as every document with that mark is (round nine, after the merge)
        assertThat(refusal(marked, "seed.fr-en.tmx"))
                .isEqualTo("a UTF-16 byte-order mark before bytes that are not UTF-16 (a mark put before UTF-8 text?)");
    }

    /**
     * Round nine's sweep: 100,000 nested elements inside a DOCX's document.xml overflowed POI's parser's stack (the
     * reason became "nested too deeply to read"). Since round twelve DOCX goes through Tika's event-based reader,
     * which does not recurse: the document is read, and its text is the seed's.
     */
    @Test
    void aDocxNestedTooDeeplyIsReadByTheStreamingReader() throws Exception {
        byte[] docx = MutationSweepHarness.mutate(Files.readAllBytes(Fixtures.docx(dir)), "nest-100k", new java.util.Random(9), "seed.docx");
        assertThat(refusal(docx, "nested.docx")).isNull();
        Article a = reader.read(docx, "nested.docx", "nested.docx", "nested.docx", null).get(0);
        assertThat(a.text()).contains("Vladimir Poutine said he was “satisfied”", "swept to AFP an American official");
    }
}
