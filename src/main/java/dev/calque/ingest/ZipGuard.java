package dev.calque.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Refuses zip-based documents (DOCX, ODT, EPUB...) that inflate out of all proportion, before a
 * parser turns them into hundreds of megabytes of characters. Inflates once, counting, and stops
 * as soon as the document is plainly a bomb.
 */
final class ZipGuard {
    /** Inflated bytes past which the ratio is checked. */
    static final long SUSPECT_BYTES = 32L << 20;
    /** Inflated-to-compressed ratio no real document reaches. */
    static final int MAX_RATIO = 100;
    /** Nothing inflates past this, whatever its ratio. */
    static final long MAX_INFLATED = 512L << 20;

    private ZipGuard() {
    }

    static boolean looksLikeZip(byte[] b) {
        return b.length > 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    /** @throws DocumentReader.Unreadable when the document is a zip bomb */
    static void check(byte[] bytes) throws DocumentReader.Unreadable {
        CountingStream raw = new CountingStream(bytes);
        long inflated = 0;
        byte[] buf = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                int n;
                while ((n = zip.read(buf)) > 0) {
                    inflated += n;
                    boolean ratio = inflated > SUSPECT_BYTES && inflated > (long) MAX_RATIO * Math.max(1, raw.read);
                    if (ratio || inflated > MAX_INFLATED) {
                        throw new DocumentReader.Unreadable("zip bomb: " + Inputs.mb(bytes.length) + " inflates to more than "
                                + Inputs.mb(inflated) + " (entry " + e.getName() + ")");
                    }
                }
            }
        } catch (IOException unreadableZip) {
            // not for this guard to judge: the parser reports a broken document in its own words
        }
    }

    private static final class CountingStream extends ByteArrayInputStream {
        long read;

        CountingStream(byte[] b) {
            super(b);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            if (n > 0) read += n;
            return n;
        }

        @Override
        public synchronized int read() {
            int c = super.read();
            if (c >= 0) read++;
            return c;
        }
    }
}
