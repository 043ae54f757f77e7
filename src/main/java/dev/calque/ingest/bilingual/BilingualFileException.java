package dev.calque.ingest.bilingual;

/** A bilingual file that cannot be read; the message is the reason a user sees. */
public final class BilingualFileException extends Exception {
    public BilingualFileException(String reason) {
        super(reason);
    }

    public BilingualFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
