package dev.calque.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Refuses zip-based documents (DOCX, ODT, EPUB...) that inflate out of all proportion, before a
 * parser turns them into hundreds of megabytes of characters. Inflates once, counting, and stops
 * as soon as the document is plainly a bomb. Zips inside the zip (an embedded document, a
 * zip-in-zip "nested" bomb) are inflated too, a few levels deep, and count against the same totals,
 * measured against the outer file's size.
 */
final class ZipGuard {
    /** Inflated bytes past which the ratio is checked. */
    static final long SUSPECT_BYTES = 32L << 20;
    /** Inflated-to-compressed ratio no real document reaches. */
    static final int MAX_RATIO = 100;
    /** Nothing inflates past this, whatever its ratio. */
    static final long MAX_INFLATED = 512L << 20;
    /** Zips inside zips, past which a document is refused (a DOCX embedding an ODT is 2). */
    static final int MAX_NESTING = 4;

    private ZipGuard() {
    }

    static boolean looksLikeZip(byte[] b) {
        return b.length > 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    /** @throws DocumentReader.Unreadable when the document is a zip bomb */
    static void check(byte[] bytes) throws DocumentReader.Unreadable {
        new Count(bytes.length).inflate(bytes, 1);
    }

    /** Totals over the outer zip and every zip inside it. */
    private static final class Count {
        final long outerSize;
        long inflated;

        Count(long outerSize) {
            this.outerSize = outerSize;
        }

        void inflate(byte[] zipBytes, int level) throws DocumentReader.Unreadable {
            byte[] buf = new byte[64 * 1024];
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
                ZipEntry e;
                while ((e = zip.getNextEntry()) != null) {
                    ByteArrayOutputStream inner = null; // the entry's bytes, kept only when it is itself a zip
                    long entryBytes = 0;
                    int n;
                    while ((n = zip.read(buf)) > 0) {
                        if (entryBytes == 0 && n >= 4 && looksLikeZip(java.util.Arrays.copyOf(buf, 5))) {
                            if (level >= MAX_NESTING) {
                                throw new DocumentReader.Unreadable("zip bomb: zips nested more than " + MAX_NESTING
                                        + " levels deep (entry " + Printable.of(e.getName()) + ")");
                            }
                            inner = new ByteArrayOutputStream();
                        }
                        entryBytes += n;
                        inflated += n;
                        if (inner != null && inner.size() < SUSPECT_BYTES) inner.write(buf, 0, n);
                        boolean ratio = inflated > SUSPECT_BYTES && inflated > (long) MAX_RATIO * Math.max(1, outerSize);
                        if (ratio || inflated > MAX_INFLATED) {
                            throw new DocumentReader.Unreadable("zip bomb: " + Inputs.mb(outerSize) + " inflates to more than "
                                    + Inputs.mb(inflated) + " (entry " + Printable.of(e.getName())
                                    + (level > 1 ? ", inside a zip inside the document" : "") + ")");
                        }
                    }
                    if (inner != null) inflate(inner.toByteArray(), level + 1);
                }
            } catch (IOException unreadableZip) {
                // not for this guard to judge: the parser reports a broken document in its own words
            }
        }
    }
}
