package dev.calque.bilingual;

/**
 * How many source units an alignment link joins to how many target units, written source-target:
 * {@code 1-2} is one original sentence translated as two, {@code 1-0} an original sentence with no
 * translation (an omission), {@code 0-1} a translated sentence with no original (an addition).
 */
public enum LinkType {
    ONE_ONE(1, 1), ONE_TWO(1, 2), TWO_ONE(2, 1), ONE_ZERO(1, 0), ZERO_ONE(0, 1);

    private final int sources;
    private final int targets;

    LinkType(int sources, int targets) {
        this.sources = sources;
        this.targets = targets;
    }

    public int sources() {
        return sources;
    }

    public int targets() {
        return targets;
    }

    /** As alignment tools write it: {@code 1-1}, {@code 2-1}, ... */
    public String label() {
        return sources + "-" + targets;
    }

    public static LinkType of(int sources, int targets) {
        for (LinkType t : values()) {
            if (t.sources == sources && t.targets == targets) return t;
        }
        throw new IllegalArgumentException("no link type " + sources + "-" + targets);
    }
}
