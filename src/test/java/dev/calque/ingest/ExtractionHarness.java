package dev.calque.ingest;

import de.l3s.boilerpipe.extractors.ArticleExtractor;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import net.dankito.readability4j.Readability4J;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ToTextContentHandler;
import org.apache.tika.sax.boilerpipe.BoilerpipeContentHandler;

/**
 * Writes {@code OUT/PAGE.txt} for every {@code PAGE.html.gz} in a folder, with one of the extractors
 * measured in docs/extraction.md, for {@code ../shared/extract-dev/score.py}:
 * {@code java -cp ... dev.calque.ingest.ExtractionHarness MODE PAGES_DIR OUT_DIR}, MODE one of
 * {@code calque} (what {@code calque check} reads), {@code raw} (all text of the page),
 * {@code boilerpipe} (Tika's HTML parser with boilerpipe's ArticleExtractor, seeing the head as it needs),
 * {@code readability4j} (Readability4J 1.0.8's text content). With {@code -Dcalque.dropped=true} (mode calque) it
 * also writes {@code OUT/PAGE.dropped}: each line the reading left out, after the rule that left it out.
 */
public final class ExtractionHarness {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path pages = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);
        List<Path> files;
        try (Stream<Path> s = Files.list(pages)) {
            files = s.filter(p -> p.toString().endsWith(".html.gz")).sorted().toList();
        }
        long t0 = System.nanoTime();
        for (Path page : files) {
            byte[] html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(page))) {
                html = in.readAllBytes();
            }
            String id = page.getFileName().toString().replaceAll("\\.html\\.gz$", "");
            String text;
            StringBuilder left = new StringBuilder();
            if (Boolean.getBoolean("calque.dropped")) MainText.dropped = (rule, line) -> left.append(rule).append('\t').append(line).append('\n');
            try {
                text = switch (mode) {
                    case "calque" -> reader.read(html, id + ".html", id, id, null).get(0).text();
                    case "raw" -> org.jsoup.Jsoup.parse(Charsets.decodeHtml(html, null)).body().wholeText();
                    case "boilerpipe" -> boilerpipe(html);
                    case "readability4j" -> new Readability4J("http://example.org/", Charsets.decodeHtml(html, null))
                            .parse().getTextContent();
                    default -> throw new IllegalArgumentException("mode: calque, raw, boilerpipe or readability4j");
                };
            } catch (DocumentReader.Unreadable e) {
                System.err.println(id + ": " + e.getMessage());
                text = "";
            }
            Files.writeString(out.resolve(id + ".txt"), text == null ? "" : text, StandardCharsets.UTF_8);
            // with -Dcalque.dropped=true, what the reading left out and the rule that did: OUT/PAGE.dropped
            if (MainText.dropped != null) Files.writeString(out.resolve(id + ".dropped"), left, StandardCharsets.UTF_8);
        }
        System.err.printf("%d pages in %.1f s%n", files.size(), (System.nanoTime() - t0) / 1e9);
    }

    private static String boilerpipe(byte[] html) throws Exception {
        StringWriter text = new StringWriter();
        BoilerpipeContentHandler handler = new BoilerpipeContentHandler(new ToTextContentHandler(text), ArticleExtractor.INSTANCE);
        new JSoupParser().parse(org.apache.tika.io.TikaInputStream.get(html), handler, new Metadata(), new ParseContext());
        return text.toString();
    }
}
