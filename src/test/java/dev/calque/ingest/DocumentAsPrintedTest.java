package dev.calque.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.model.Article;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A newsroom's Word and LibreOffice files carry an editing history: tracked deletions, an editor's comments, running
 * headers and footers, a PDF proof's sticky notes. Calque checks the document as it prints: the text the changes left,
 * without the margin.
 */
class DocumentAsPrintedTest {
    private static final String W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private final DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);

    private static byte[] zip(boolean odf, String... nameThenContent) throws Exception {
        java.util.Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) parts.put(nameThenContent[i], nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
        return Fixtures.zip(parts, odf ? "application/vnd.oasis.opendocument.text" : null);
    }

    private static String run(String text) {
        return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
    }

    static byte[] docx() throws Exception {
        String body = "<w:p>" + run("Joe Biden and Vladimir Putin stand firm") + "</w:p>"
                + "<w:p><w:commentRangeStart w:id=\"0\"/>" + run("According to the Kremlin, Vladimir Putin said he was satisfied ")
                + "<w:del w:id=\"5\" w:author=\"Ed\"><w:r><w:delText>with this exchange of about fifty minutes</w:delText></w:r></w:del>"
                + "<w:ins w:id=\"6\" w:author=\"Ed\">" + run("with the fifty-minute call") + "</w:ins>" + run(".")
                + "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r></w:p>"
                + "<w:p>" + run("The White House played down these comments on Thursday evening.") + "</w:p>"
                + "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/><w:footerReference w:type=\"default\" r:id=\"rId3\"/></w:sectPr>";
        return zip(false,
                "[Content_Types].xml", XML + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                        + "<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>"
                        + "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
                        + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/></Types>",
                "_rels/.rels", XML + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"" + REL + "officeDocument\" Target=\"word/document.xml\"/></Relationships>",
                "word/_rels/document.xml.rels", XML + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId2\" Type=\"" + REL + "comments\" Target=\"comments.xml\"/>"
                        + "<Relationship Id=\"rId3\" Type=\"" + REL + "footer\" Target=\"footer1.xml\"/>"
                        + "<Relationship Id=\"rId4\" Type=\"" + REL + "header\" Target=\"header1.xml\"/></Relationships>",
                "word/document.xml", XML + "<w:document " + W + "><w:body>" + body + "</w:body></w:document>",
                "word/comments.xml", XML + "<w:comments " + W + "><w:comment w:id=\"0\" w:author=\"Desk\"><w:p>"
                        + run("pls check quote vs AFP wire, sems too long") + "</w:p></w:comment></w:comments>",
                "word/header1.xml", XML + "<w:hdr " + W + "><w:p>" + run("AFP World Service - Europe desk") + "</w:p></w:hdr>",
                "word/footer1.xml", XML + "<w:ftr " + W + "><w:p>" + run("AFP - CONFIDENTIAL - page 1") + "</w:p></w:ftr>");
    }

    static byte[] odt() throws Exception {
        String office = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                + "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" office:version=\"1.2\"";
        return zip(true,
                "content.xml", XML + "<office:document-content " + office + "><office:body><office:text>"
                        + "<text:tracked-changes><text:changed-region text:id=\"ct1\"><text:deletion><office:change-info>"
                        + "<dc:creator>Ed</dc:creator></office:change-info><text:p>with this exchange of about fifty minutes</text:p>"
                        + "</text:deletion></text:changed-region></text:tracked-changes>"
                        + "<text:p>Joe Biden and Vladimir Putin stand firm</text:p>"
                        + "<text:p>According to the Kremlin, Vladimir Putin said he was satisfied <text:change text:change-id=\"ct1\"/>"
                        + "with the fifty-minute call.<office:annotation><dc:creator>Desk</dc:creator>"
                        + "<text:p>pls check quote vs AFP wire, sems too long</text:p></office:annotation></text:p>"
                        + "<text:p>The White House played down these comments on Thursday evening.</text:p>"
                        + "</office:text></office:body></office:document-content>",
                "styles.xml", XML + "<office:document-styles " + office + "><office:master-styles><style:master-page style:name=\"Standard\">"
                        + "<style:header><text:p>AFP World Service - Europe desk</text:p></style:header>"
                        + "<style:footer><text:p>AFP - CONFIDENTIAL - page 1</text:p></style:footer></style:master-page>"
                        + "</office:master-styles></office:document-styles>",
                "META-INF/manifest.xml", XML + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                        + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                        + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                        + "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>");
    }

    private static final List<String> AS_PRINTED = List.of("Joe Biden and Vladimir Putin stand firm",
            "According to the Kremlin, Vladimir Putin said he was satisfied with the fifty-minute call.",
            "The White House played down these comments on Thursday evening.");

    @Test
    void aWordFileIsCheckedAsItPrintsWithoutDeletionsCommentsHeadersOrFooters() throws Exception {
        Article a = reader.read(docx(), "story.docx", "story.docx", "story.docx", null).get(0);
        // before: "...satisfied with this exchange of about fifty minuteswith the fifty-minute call. Comment by Desk: pls
        // check quote vs AFP wire, sems too long", and the footer's line as the last paragraph
        assertThat(List.of(a.text().split("\n\n"))).isEqualTo(AS_PRINTED);
    }

    @Test
    void anOpenDocumentFileIsCheckedAsItPrintsToo() throws Exception {
        Article a = reader.read(odt(), "story.odt", "story.odt", "story.odt", null).get(0);
        // before: the deleted words were the first paragraph and the title, the comment and the footer paragraphs
        assertThat(a.title()).isEqualTo("Joe Biden and Vladimir Putin stand firm");
        assertThat(List.of(a.text().split("\n\n"))).isEqualTo(AS_PRINTED);
    }

    /** The story as Word saves it in RTF: a header and a footer, a tracked deletion and insertion, a comment. */
    static byte[] rtf() {
        return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}{\\header AFP CONFIDENTIAL page 1\\par}{\\footer Footer text here\\par}\n"
                + "Joe Biden and Vladimir Putin stand firm\\par\n"
                + "According to the Kremlin, Vladimir Putin said he was satisfied {\\deleted with this exchange of about fifty minutes}"
                + "{\\revised with the fifty-minute call}.{\\*\\atnid Desk}{\\*\\atnauthor Desk}\\chatn"
                + "{\\*\\annotation{\\*\\atnref 1}\\pard pls check quote vs AFP wire, sems too long}\\par\n"
                + "The White House played down these comments on Thursday evening.\\par\n}\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void anRtfFileIsCheckedAsItPrintsToo() throws Exception {
        Article a = reader.read(rtf(), "story.rtf", "story.rtf", "story.rtf", null).get(0);
        // before: the header was the first paragraph and the title, the footer the second, the deleted words glued to
        // the inserted ones and "Desk Desk pls check quote vs AFP wire, sems too long" inside the paragraph
        assertThat(a.title()).isEqualTo("Joe Biden and Vladimir Putin stand firm");
        assertThat(List.of(a.text().split("\n\n"))).isEqualTo(AS_PRINTED);
    }

    @Test
    void anRtfDeletionEndsAtDeletedZeroAndTakesItsUnicodeEscapesWithIt() throws Exception {
        // the deletion switched off inside its group; curly apostrophes (a Unicode escape and its fallback "?", a hex
        // escape), escaped braces and a non-breaking space deleted with the words; a left header, a first-page footer, a
        // comment's range and date
        byte[] rtf = ("{\\rtf1\\ansi\\deff0\\uc1{\\fonttbl{\\f0 Times;}}{\\headerl {\\b AFP} desk\\par}{\\footerf page\\~1\\par}\n"
                + "{\\pard Joe Biden and Vladimir Putin stand firm\\par}\n"
                + "{\\pard According to the Kremlin, {\\*\\atrfstart 7}Vladimir Putin said he was satisfied "
                + "{\\deleted with Putin\\u8217?s aide\\'92s \\i \\{exchange\\}\\~of about fifty minutes\\i0\\deleted0 with the fifty-minute call}."
                + "{\\*\\atrfend 7}{\\*\\atnid Desk}{\\*\\atnauthor Desk}\\chatn {\\*\\annotation{\\*\\atnref 7}{\\*\\atndate 1234}"
                + "\\pard pls check quote vs AFP wire, sems too long}\\par}\n"
                + "The White House played down these comments on Thursday evening.\\par\n}\n").getBytes(StandardCharsets.US_ASCII);
        Article a = reader.read(rtf, "story.rtf", "story.rtf", "story.rtf", null).get(0);
        assertThat(a.title()).isEqualTo("Joe Biden and Vladimir Putin stand firm");
        assertThat(List.of(a.text().split("\n\n"))).isEqualTo(AS_PRINTED);
    }

    @Test
    void anRtfWithNothingToLeaveOutIsPassedOnAsItIs() {
        // escaped braces before a header's name, a binary run that looks like a header and a deletion, hex and Unicode
        // escapes, an inserted run
        byte[] binary = "}{\\header x}\\deleted y\\chatn\0\377".getBytes(StandardCharsets.ISO_8859_1);
        byte[] head = ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}{\\info{\\title Stand firm}}\n"
                + "{\\pard Caf\\'e9 \\u8217?quoted\\u8217? \\{\\header braces\\} and \\\\ a backslash\\par}\n"
                + "{\\pard {\\revised inserted} text\\par}{\\*\\blob\\bin" + binary.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "}\\par\n}\n".getBytes(StandardCharsets.US_ASCII);
        byte[] plain = new byte[head.length + binary.length + tail.length];
        System.arraycopy(head, 0, plain, 0, head.length);
        System.arraycopy(binary, 0, plain, head.length, binary.length);
        System.arraycopy(tail, 0, plain, head.length + binary.length, tail.length);
        byte[] printed = RtfAsPrinted.printed(plain);
        assertThat(printed).isEqualTo(plain);
        assertThat(printed).isSameAs(plain);
    }

    @Test
    void aPdfsStickyNotesAreNotItsText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (org.apache.pdfbox.pdmodel.PDDocument d = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            d.addPage(page);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream c = new org.apache.pdfbox.pdmodel.PDPageContentStream(d, page)) {
                c.beginText();
                c.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                c.newLineAtOffset(72, 700);
                c.showText(AS_PRINTED.get(2));
                c.endText();
            }
            var note = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText();
            note.setContents("pls check quote vs AFP wire, sems too long");
            note.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(72, 650, 20, 20));
            page.getAnnotations().add(note);
            d.save(out);
        }
        Article a = reader.read(out.toByteArray(), "proof.pdf", "proof.pdf", "proof.pdf", null).get(0);
        // before: the note was a paragraph of the article
        assertThat(a.text()).isEqualTo(AS_PRINTED.get(2));
    }

    @Test
    void odfElementsAreTakenOutByNameInOnePass() {
        assertThat(DocumentReader.withoutElements("<t><office:annotation-end/>x<office:annotation a=\"1\">n</office:annotation>y"
                + "<office:annotation/>z</t>", "office:annotation")).isEqualTo("<t><office:annotation-end/>xyz</t>");
        // a damaged part: the first element left open stops the removal; 100,000 of them cost one pass, not 100,000
        String open = "<text:p>kept</text:p>" + "<office:annotation>".repeat(100_000);
        assertThat(DocumentReader.withoutElements(open, "office:annotation")).isEqualTo(open);
    }

    @Test
    void commentsAreTakenOffOnlyWhereTikaPutThem() {
        // a paragraph of the story that happens to say what a comment says stays: only the trailing run goes
        assertThat(WordComments.withoutComments(List.of("Check the quote.", "Body.", "Check the quote."), List.of("Check the quote.")))
                .containsExactly("Check the quote.", "Body.");
    }
}
