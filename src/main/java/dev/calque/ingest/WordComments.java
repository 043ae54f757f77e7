package dev.calque.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The paragraphs of a DOCX file's comments ({@code word/comments.xml}): an editor's notes in the margin ("pls check
 * the quote"), not the article. Tika writes them after the body as paragraphs like any other, with nothing to tell
 * them apart, so the reader takes them off the end of what Tika gave by their text. Read with the hardened parser
 * (no DOCTYPE); the zip was measured by {@link ZipGuard} before. A part that cannot be read gives no comments: the
 * document is read as before.
 */
final class WordComments {
    private static final String PART = "word/comments.xml";
    private static final int MAX_PART = 16 << 20;

    private WordComments() {
    }

    static List<String> paragraphs(byte[] docx) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(PART)) return read(bounded(zip));
            }
        } catch (IOException | RuntimeException | org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException unreadable) {
            return List.of();
        }
        return List.of();
    }

    private static InputStream bounded(ZipInputStream zip) throws IOException {
        byte[] part = zip.readNBytes(MAX_PART + 1);
        if (part.length > MAX_PART) throw new IOException("comments part too large");
        return new ByteArrayInputStream(part);
    }

    private static List<String> read(InputStream part) throws IOException, org.xml.sax.SAXException,
            javax.xml.parsers.ParserConfigurationException {
        List<String> out = new ArrayList<>();
        StringBuilder p = new StringBuilder();
        boolean[] inText = {false};
        dev.calque.untrusted.UntrustedXml.saxFactory().newSAXParser().parse(part, new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes atts) {
                String name = local.isEmpty() ? qName.replaceFirst(".*:", "") : local;
                if (name.equals("t")) inText[0] = true;
                else if (name.equals("tab")) p.append(' ');
            }

            @Override
            public void endElement(String uri, String local, String qName) {
                String name = local.isEmpty() ? qName.replaceFirst(".*:", "") : local;
                if (name.equals("t")) inText[0] = false;
                else if (name.equals("p")) {
                    String t = MainText.norm(p.toString());
                    if (!t.isEmpty()) out.add(t);
                    p.setLength(0);
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (inText[0]) p.append(ch, start, length);
            }
        });
        return out;
    }

    /** The paragraphs without the comments Tika appended after the body (taken off the end, by their text). */
    static List<String> withoutComments(List<String> paragraphs, List<String> comments) {
        if (comments.isEmpty()) return paragraphs;
        java.util.Set<String> notes = new java.util.HashSet<>();
        for (String c : comments) notes.add(MainText.norm(c));
        List<String> out = new ArrayList<>(paragraphs);
        while (!out.isEmpty() && notes.contains(MainText.norm(out.get(out.size() - 1)))) out.remove(out.size() - 1);
        return out;
    }
}
