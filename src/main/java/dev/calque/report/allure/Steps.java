package dev.calque.report.allure;

import dev.calque.model.Finding;
import dev.calque.model.Severity;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One Allure step per finding, named so the step list reads on its own:
 * {@code [major] Accuracy/Mistranslation · "swept to AFP" → told AFP}.
 *
 * <p>Status convention: a finding that fails the quality gate (by default major and critical) is a
 * {@code failed} step; a finding below the gate (by default minor) is a {@code broken} step, Allure's
 * "not a failure, but look at it" status; a neutral remark is {@code passed}.
 */
final class Steps {
    private static final int MAX_PASSAGE = 60;
    private static final int MAX_SUGGESTIONS = 3;

    private Steps() {
    }

    static String name(Finding f) {
        StringBuilder s = new StringBuilder()
                .append('[').append(f.severity().label()).append("] ")
                .append(f.category()).append(" · \"").append(shorten(oneLine(f.passage()))).append('"');
        if (!f.suggestions().isEmpty()) s.append(" → ").append(shorten(oneLine(f.suggestions().get(0))));
        if (f.confidence() != null) s.append(String.format(java.util.Locale.ROOT, " · confidence %.2f", f.confidence()));
        return s.toString();
    }

    static StepResult step(Finding f, int number, Severity failOn, long at) {
        Status status = f.severity() == Severity.NEUTRAL ? Status.PASSED
                : f.severity().atLeast(Severity.MAJOR) || (failOn != null && f.severity().atLeast(failOn))
                ? Status.FAILED : Status.BROKEN;
        List<Parameter> params = new ArrayList<>();
        params.add(param("Sentence", f.sentence()));
        if (f.confidence() != null) {
            params.add(param("Confidence", String.format(java.util.Locale.ROOT, "%.2f", f.confidence())));
        }
        if (!f.suggestions().isEmpty()) params.add(param("Suggestion", String.join(" / ", cap(f.suggestions()))));
        params.add(param("Where", "line " + f.line() + ", column " + f.column() + " · mark " + number
                + " (#f" + number + ") in the attached article"));
        params.add(param("Rule", f.rule() + (f.ruleName() == null || f.ruleName().isBlank() ? "" : " — " + f.ruleName())
                + " (" + f.origin() + ")"));
        return new StepResult()
                .setName(name(f))
                .setStatus(status)
                .setStage(Stage.FINISHED)
                .setStatusDetails(new StatusDetails().setMessage(f.message()))
                .setParameters(params)
                .setStart(at)
                .setStop(at);
    }

    static Parameter param(String name, String value) {
        return new Parameter().setName(name).setValue(value == null ? "" : value);
    }

    static List<String> cap(List<String> suggestions) {
        return suggestions.size() <= MAX_SUGGESTIONS ? suggestions : suggestions.subList(0, MAX_SUGGESTIONS);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /**
     * Untrusted text (a file name, a rule's name, a note) for an Allure description, which the report
     * renders as Markdown: on one line (control characters shown escaped), and every ASCII punctuation
     * mark backslash-escaped (CommonMark's rule), so it can open no link, image, HTML tag or code span.
     */
    static String markdown(String s) {
        String t = dev.calque.ingest.Printable.of(s == null ? "" : s);
        StringBuilder b = new StringBuilder(t.length() + 16);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x7f && c > 0x20 && !Character.isLetterOrDigit(c)) b.append('\\');
            b.append(c);
        }
        return b.toString();
    }

    static String shorten(String s) {
        return s.length() <= MAX_PASSAGE ? s : s.substring(0, MAX_PASSAGE - 1) + "…";
    }
}
