package dev.calque.ingest;

import java.io.InputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.parser.AutoDetectParser;

/**
 * Tika's parsers as Calque uses them: none that runs an external program (OCR, media, exiftool),
 * XML parts read by Tika's hardened parsers. The configuration is {@code tika-config.xml} beside
 * this class.
 */
final class TikaParsers {
    private TikaParsers() {
    }

    static AutoDetectParser create() {
        try (InputStream xml = TikaParsers.class.getResourceAsStream("tika-config.xml")) {
            return new AutoDetectParser(new TikaConfig(xml));
        } catch (Exception e) {
            throw new IllegalStateException("Tika's configuration cannot be loaded: " + e.getMessage(), e);
        }
    }
}
