package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Libraries log through SLF4J; without --verbose none of it reaches stderr (Calque says what matters, one line per input). */
class LibraryNoiseTest {
    @Test
    void libraryErrorsWithStackTracesStayOffStderr() {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            for (String library : new String[] {"org.apache.pdfbox.pdfparser.COSParser", "org.apache.poi.hwpf.HWPFDocument",
                    "org.apache.tika.parser.AutoDetectParser", "com.rometools.rome.io.WireFeedInput"}) {
                org.slf4j.LoggerFactory.getLogger(library).error("damaged page 2", new java.io.IOException("Could not read page"));
                org.slf4j.LoggerFactory.getLogger(library).warn("font substituted");
            }
        } finally {
            System.setErr(old);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
