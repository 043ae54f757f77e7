package dev.calque.bilingual;

/** A span of a text: UTF-16 offsets, end exclusive. An empty span ({@code start == end}) marks a position. */
public record TextSpan(int start, int end) {

    public TextSpan {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }

    public boolean isEmpty() {
        return start == end;
    }

    public int length() {
        return end - start;
    }

    public boolean contains(int offset) {
        return start <= offset && offset < end;
    }

    public boolean overlaps(int from, int to) {
        return from < end && start < to;
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
