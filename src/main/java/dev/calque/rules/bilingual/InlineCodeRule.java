package dev.calque.rules.bilingual;

import dev.calque.model.BilingualSegment;
import dev.calque.model.InlineCode;
import dev.calque.rules.RuleInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule kind {@code inline-codes}: the inline codes of a segment's original (links, formatting,
 * placeholders) against those of its translation. {@code check: missing} flags codes of the original
 * the translation lacks, {@code extra} codes the original does not have, {@code order} a closing code
 * before its opening one, paired codes that nest in the original and cross in the translation, or
 * codes the file marks as not reorderable ({@code canReorder="no"}) in another order. The match covers the segment's translation: a code has no text of its own to mark.
 */
public record InlineCodeRule(RuleInfo info, List<BilingualExample> examples, Check check, String template)
        implements BilingualRule {
    public enum Check { MISSING, EXTRA, ORDER }

    public InlineCodeRule {
        examples = List.copyOf(examples);
    }

    @Override
    public List<SegmentMatch> check(BilingualSegment segment, Glossary glossary) {
        List<String> problems = switch (check) {
            case MISSING -> difference(segment.sourceCodes(), segment.targetCodes());
            case EXTRA -> difference(segment.targetCodes(), segment.sourceCodes());
            case ORDER -> disorder(segment);
        };
        if (problems.isEmpty() || segment.target().isEmpty()) return List.of();
        String message = template.replace("{codes}", String.join(", ", problems));
        return List.of(new SegmentMatch(0, segment.target().length(), message, List.of()));
    }

    /** Codes of {@code from} with no counterpart in {@code in}, counted (two links in, one out: one missing). */
    private static List<String> difference(List<InlineCode> from, List<InlineCode> in) {
        Map<String, Integer> available = new HashMap<>();
        for (InlineCode c : in) available.merge(c.key(), 1, Integer::sum);
        Set<String> out = new LinkedHashSet<>();
        for (InlineCode c : from) {
            int left = available.getOrDefault(c.key(), 0);
            if (left > 0) {
                available.put(c.key(), left - 1);
            } else {
                out.add(c.label());
            }
        }
        return new ArrayList<>(out);
    }

    private static List<String> disorder(BilingualSegment segment) {
        List<String> out = new ArrayList<>();
        // a closing code before its opening one breaks the markup, whatever the file allows
        Map<String, Integer> opened = new HashMap<>();
        List<InlineCode> target = segment.targetCodes();
        for (int i = 0; i < target.size(); i++) {
            InlineCode c = target.get(i);
            if (c.kind() == InlineCode.Kind.OPENING) opened.putIfAbsent(c.id(), i);
            if (c.kind() == InlineCode.Kind.CLOSING && !opened.containsKey(c.id())
                    && target.stream().skip(i + 1).anyMatch(o -> o.kind() == InlineCode.Kind.OPENING && o.id().equals(c.id()))) {
                out.add(c.label() + " before its opening code");
            }
        }
        // paired codes that nest in the original and cross in the translation (<b><i>…</b></i>)
        String crossing = crossing(target);
        if (crossing != null && crossing(segment.sourceCodes()) == null) out.add(crossing);
        // codes the file says must keep their order: the same sequence on both sides (Okapi's XLIFF 2
        // reader already refuses a file that breaks canReorder="no"; this covers the other readers)
        List<String> fixedSource = fixedOrder(segment.sourceCodes(), segment.targetCodes());
        List<String> fixedTarget = fixedOrder(segment.targetCodes(), segment.sourceCodes());
        if (!fixedSource.equals(fixedTarget)) {
            List<String> labels = new ArrayList<>();
            for (InlineCode c : segment.sourceCodes()) if (!c.reorderable()) labels.add(c.label());
            out.add(String.join(" ", labels) + " in another order than the original's");
        }
        return out;
    }

    /** The first closing code that closes across another pair, described; null when the pairs nest. */
    private static String crossing(List<InlineCode> codes) {
        java.util.Deque<InlineCode> open = new java.util.ArrayDeque<>();
        for (InlineCode c : codes) {
            if (c.kind() == InlineCode.Kind.OPENING) {
                open.push(c);
            } else if (c.kind() == InlineCode.Kind.CLOSING && !open.isEmpty()) {
                if (open.peek().id().equals(c.id())) {
                    open.pop();
                } else if (open.stream().anyMatch(o -> o.id().equals(c.id()))) {
                    return c.label() + " closes across " + open.peek().label();
                }
            }
        }
        return null;
    }

    /** Keys of the non-reorderable codes of {@code side} that the other side also has, in order. */
    private static List<String> fixedOrder(List<InlineCode> side, List<InlineCode> other) {
        Set<String> both = new java.util.HashSet<>();
        for (InlineCode c : other) both.add(c.key());
        List<String> out = new ArrayList<>();
        for (InlineCode c : side) if (!c.reorderable() && both.contains(c.key())) out.add(c.key());
        return out;
    }
}
