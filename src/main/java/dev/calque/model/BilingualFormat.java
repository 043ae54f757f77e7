package dev.calque.model;

/** The bilingual file formats Calque reads (XLIFF 1.2, XLIFF 2.x, TMX, tab-separated bitext). */
public enum BilingualFormat {
    XLIFF_1("XLIFF 1.2", "application/x-xliff+xml"),
    XLIFF_2("XLIFF 2", "application/xliff+xml"),
    TMX("TMX", "application/x-tmx+xml"),
    TSV("tab-separated bitext", "text/tab-separated-values");

    private final String label;
    private final String mediaType;

    BilingualFormat(String label, String mediaType) {
        this.label = label;
        this.mediaType = mediaType;
    }

    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }
}
