package dev.calque.review;

import java.time.Instant;
import java.util.Locale;

/**
 * An editor's decision on one finding, as the review desk records it.
 *
 * @param fingerprint     the finding's fingerprint ({@link dev.calque.model.Fingerprints}); null only for a
 *                        verdict imported from a suppressions file that names a rule and a passage instead
 * @param rule            rule id
 * @param passage         the flagged text
 * @param sentence        the sentence around it
 * @param articleId       the article's id in the run (file name, feed item id, or the pasted title)
 * @param articleSource   where the article came from (path, URL, "pasted")
 * @param kind            confirmed, dismissed or edited
 * @param reason          why a finding was dismissed (null otherwise)
 * @param note            the editor's free text (required with reason {@code other})
 * @param editedSuggestion what the editor wrote instead of Calque's suggestion (kind edited)
 * @param editor          who decided
 * @param time            when
 * @param calqueVersion   the Calque that made the finding
 * @param rulePack        hash of the rule packs that made it
 */
public record Verdict(String fingerprint, String rule, String passage, String sentence, String articleId,
                      String articleSource, Kind kind, Reason reason, String note, String editedSuggestion,
                      String editor, Instant time, String calqueVersion, String rulePack) {

    public enum Kind {
        /** The finding is right: the passage needs fixing. */
        CONFIRMED,
        /** The finding is wrong here: leave the passage as it is; later checks leave it out. */
        DISMISSED,
        /** The finding is right but the fix differs from Calque's suggestion. */
        EDITED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String s) {
            for (Kind k : values()) if (k.label().equalsIgnoreCase(s == null ? "" : s.strip())) return k;
            throw new IllegalArgumentException("unknown verdict '" + s + "' (use confirmed, dismissed or edited)");
        }
    }

    /** Why a finding was dismissed: the desk's reason picker. */
    public enum Reason {
        FALSE_POSITIVE("false positive"),
        ACCEPTABLE_IN_CONTEXT("acceptable in this context"),
        STYLE_CHOICE("style choice"),
        OTHER("other");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public String text() {
            return text;
        }

        /** Accepts the id ({@code false-positive}) or the words ({@code false positive}). */
        public static Reason parse(String s) {
            String x = s == null ? "" : s.strip();
            for (Reason r : values()) if (r.label().equalsIgnoreCase(x) || r.text.equalsIgnoreCase(x)) return r;
            throw new IllegalArgumentException("unknown reason '" + s
                    + "' (use false-positive, acceptable-in-context, style-choice or other)");
        }
    }

    public Verdict {
        if (kind == null) throw new IllegalArgumentException("a verdict needs a kind (confirmed, dismissed or edited)");
        if ((fingerprint == null || fingerprint.isBlank()) && (rule == null || passage == null)) {
            throw new IllegalArgumentException("a verdict needs the finding's fingerprint, or its rule and passage");
        }
        if (kind == Kind.DISMISSED && reason == null) {
            throw new IllegalArgumentException("a dismissal needs a reason (false-positive, acceptable-in-context, "
                    + "style-choice or other)");
        }
        if (reason == Reason.OTHER && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("reason 'other' needs a note saying why");
        }
        if (kind == Kind.EDITED && (editedSuggestion == null || editedSuggestion.isBlank())) {
            throw new IllegalArgumentException("an edited verdict needs the edited suggestion");
        }
        if (editor == null || editor.isBlank()) throw new IllegalArgumentException("a verdict needs the editor's name");
        if (time == null) time = Instant.now();
    }

    /** The dismissal's reason as one line: the reason's words, then the editor's note (the note alone for other). */
    public String reasonLine() {
        if (reason == null || reason == Reason.OTHER) return note;
        return note == null || note.isBlank() ? reason.text() : reason.text() + ": " + note.strip();
    }
}
