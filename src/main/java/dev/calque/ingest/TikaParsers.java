package dev.calque.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.parser.AutoDetectParser;

/**
 * Tika's parsers as Calque uses them: none that runs an external program (OCR, media, exiftool),
 * XML parts read by Tika's hardened parsers. The configuration is {@code tika-config.xml} beside
 * this class; the parsers that start programs are left out by name, those of them on the class path
 * (the build leaves their modules out, so usually none: this holds should one come back with a
 * dependency).
 */
final class TikaParsers {
    /** Parsers that run a program found on PATH: tesseract and ImageMagick; ffmpeg, exiftool, sox... */
    static final List<String> RUN_PROGRAMS = List.of("org.apache.tika.parser.ocr.TesseractOCRParser",
            "org.apache.tika.parser.external.CompositeExternalParser", "org.apache.tika.parser.external2.ExternalParser");

    private TikaParsers() {
    }

    static AutoDetectParser create() {
        try {
            return new AutoDetectParser(new TikaConfig(new ByteArrayInputStream(configuration().getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new IllegalStateException("Tika's configuration cannot be loaded: " + e.getMessage(), e);
        }
    }

    /** tika-config.xml with one exclusion for each program-running parser present (Tika refuses unknown ones). */
    static String configuration() throws IOException {
        String xml;
        try (InputStream in = TikaParsers.class.getResourceAsStream("tika-config.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder excludes = new StringBuilder();
        for (String c : RUN_PROGRAMS) {
            try {
                Class.forName(c, false, TikaParsers.class.getClassLoader());
                excludes.append("      <parser-exclude class=\"").append(c).append("\"/>\n");
            } catch (ClassNotFoundException absent) {
                // not on the class path: nothing to leave out
            }
        }
        return xml.replace("      <!-- EXCLUDES -->\n", excludes.toString());
    }
}
