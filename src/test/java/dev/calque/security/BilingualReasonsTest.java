package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.cli.CliRun;
import dev.calque.ingest.bilingual.BilingualFileException;
import dev.calque.ingest.bilingual.BilingualReader;
import dev.calque.ingest.bilingual.BilingualSniffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged XLIFF or TMX file is refused with a plain one-line reason: the line (and the unit, when the
 * reader names it), then what is wrong, never the parser's own wording ("Unexpected close tag </tuv>;
 * expected </seg>.", "Error in <file> id='f1', <unit> id='p1': Reading error."). The files are the real
 * fixtures (two of them Okapi's own test files), damaged the way the mutation sweep damages them.
 */
class BilingualReasonsTest {
    @TempDir
    Path dir;

    private static final String[] FIXTURES = {"seed.fr-en.xlf", "seed.fr-en.tmx", "okapi-RB-12-Test02.xlf", "okapi-tmxtest-attributes.tmx"};

    private static Map<String, String> damaged(String xml, String close) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cut short", xml.substring(0, xml.length() / 2));
        m.put("a closing tag deleted", xml.replaceFirst(close, ""));
        m.put("a stray <", xml.replaceFirst(close, "< " + close));
        m.put("a stray &", xml.replaceFirst(close, " & " + close));
        m.put("a control character", xml.replaceFirst(close, "\u0001" + close));
        m.put("an attribute twice", xml.replaceFirst("<(tu|unit|trans-unit) ", "<$1 a=\"1\" a=\"2\" "));
        m.put("an undeclared prefix", xml.replaceFirst(close, "<q:x/>" + close));
        m.put("a NUL", xml.replaceFirst(close, "\u0000" + close));
        m.put("a prefix of 100,000 letters", xml.replaceFirst(close, "<x" + "a".repeat(100_000) + ":b/>" + close));
        m.put("a second root", xml + "<x/>");
        m.put("text after the root", xml + "junk");
        return m;
    }

    @Test
    void damagedFilesGetAPlainReasonWithTheirLine() throws Exception {
        int refused = 0;
        for (String f : FIXTURES) {
            String xml = Files.readString(Path.of("src/test/resources/bilingual", f));
            String close = f.endsWith(".tmx") ? "</seg>" : "</target>";
            for (Map.Entry<String, String> d : damaged(xml, close).entrySet()) {
                if (d.getValue().equals(xml)) continue; // nothing to damage in this file
                byte[] bytes = d.getValue().getBytes(StandardCharsets.UTF_8);
                BilingualSniffer.Sniffed sniffed = BilingualSniffer.sniff(bytes, f);
                assertThat(sniffed).as(f + ", " + d.getKey() + ": still recognized as what it is").isNotNull();
                try {
                    BilingualReader.read(sniffed, bytes, "fr", "en");
                    // Okapi's XLIFF 1.2 filter reads control characters leniently (XML 1.1 allows most of them)
                    if (!(f.equals("okapi-RB-12-Test02.xlf") && d.getKey().matches("a control character|a NUL"))) {
                        fail(f + ", " + d.getKey() + ": read");
                    }
                } catch (BilingualFileException e) {
                    refused++;
                    String reason = e.getMessage();
                    assertThat(reason).as(f + ", " + d.getKey())
                            .matches("cannot read this (XLIFF 1\\.2|XLIFF 2|TMX) file: line \\d+( \\(unit [^)]+\\))?: [^\\n]{10,200}")
                            .doesNotContain("Unexpected", "Error in <file>", "Reading error", "row,col", "Exception", "(code 32)",
                                    "CTRL-CHAR", "NULL", "epilog", "prolog", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
                }
            }
        }
        assertThat(refused).isGreaterThan(38);
    }

    @Test
    void aTmxFileDamagedInItsFirstSegmentIsNamedATmxFile() throws Exception {
        String tmx = Files.readString(Path.of("src/test/resources/bilingual/seed.fr-en.tmx"));
        // before: the format sniffer stopped at the damage before it saw the target language, and the file
        // was refused as "cannot read this application/x-tmx document" with no word of what is wrong
        Path bad = Files.writeString(dir.resolve("bad.tmx"), tmx.replaceFirst("</seg>", ""));
        Path out = dir.resolve("out.json");
        CliRun r = CliRun.of("check", "--no-stock", "-f", "json", "-o", out.toString(), bad.toString());
        assertThat(r.err().lines().filter(l -> l.contains("bad.tmx")))
                .containsExactly("calque: " + bad + ": cannot read this TMX file: line 6: <seg> is not closed where </tuv>"
                        + " closes the element around it");
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertThat(report.at("/unreadable/0/reason").asText()).startsWith("cannot read this TMX file: line 6: <seg> is not closed");
    }
}
