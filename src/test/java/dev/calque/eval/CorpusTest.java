package dev.calque.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calque.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
    static final Path DIR = Path.of("src/test/resources/eval");

    @Test
    void groupsSegmentsByDocAndSystemIntoParagraphs() {
        Corpus c = Corpus.read(DIR.resolve("biomqm.jsonl"));
        assertThat(c.corpus()).isEqualTo("biomqm_v2");
        assertThat(c.sourceLanguage()).isEqualTo("fr");
        assertThat(c.documents()).extracting(EvalDocument::system).containsExactly("Huawei_AGI_run1", "LISN_run1");
        EvalDocument d = c.documents().get(0);
        assertThat(d.segments()).extracting(Segment::seg).containsExactly(1, 2, 3);
        assertThat(d.text()).startsWith("Clinical case. cervical spondylolysis: a rare fortuitous discovery.\n\nA young patient");
        for (int i = 0; i < d.segments().size(); i++) {
            String seg = d.segments().get(i).text();
            assertThat(d.text().substring(d.start(i), d.start(i) + seg.length())).isEqualTo(seg);
            assertThat(d.segmentAt(d.start(i))).isEqualTo(i);
            assertThat(d.segmentAt(d.start(i) + seg.length() - 1)).isEqualTo(i);
        }
        assertThat(d.segmentAt(d.start(1) - 1)).as("the blank line belongs to the segment before").isEqualTo(0);

        Segment first = d.segments().get(0);
        assertThat(first.kind()).isEqualTo(Segment.Kind.ANNOTATED);
        AnnotatedError e = first.errors().get(0);
        assertThat(first.text().substring(e.start(), e.end())).isEqualTo("cervical");
        assertThat(e.family()).isEqualTo("Fluency");
        assertThat(e.severity()).isEqualTo(Severity.MINOR);
        AnnotatedError omission = d.segments().get(1).errors().get(0);
        assertThat(omission.hasSpan()).isFalse();
        assertThat(omission.isMajor()).isTrue();
    }

    @Test
    void tellsAnnotatedHumanJudgedAndUnannotatedSegmentsApart(@TempDir Path tmp) throws Exception {
        assertThat(Corpus.read(DIR.resolve("human.jsonl")).kinds()).containsOnlyKeys(Segment.Kind.CLEAN);
        Corpus diabla = Corpus.read(DIR.resolve("diabla.jsonl"));
        assertThat(diabla.kinds()).containsOnlyKeys(Segment.Kind.JUDGED);
        List<Segment> segs = diabla.documents().get(0).segments();
        assertThat(segs.get(0).judgment()).isEqualTo("perfect");
        assertThat(segs.get(0).clean()).isTrue();
        assertThat(segs.get(1).judgment()).isEqualTo("medium");
        assertThat(segs.get(1).clean()).isFalse();
        assertThat(segs.get(1).problems()).containsExactly("style");

        Path mt = tmp.resolve("mt.jsonl");
        Files.writeString(mt, "{\"corpus\": \"newstest2014\", \"doc\": \"d\", \"system\": \"s\", \"seg\": 1, "
                + "\"text\": \"The Vatican probe.\", \"annotated\": false, \"errors\": null}\n");
        Segment s = Corpus.read(mt).documents().get(0).segments().get(0);
        assertThat(s.kind()).isEqualTo(Segment.Kind.UNANNOTATED);
        assertThat(s.judgeable()).isFalse();
    }

    @Test
    void minVotesCountsAnErrorOnlyWhenEnoughAnnotatorsMarkedItsFamily() {
        // three raters; Other, Fluency, Accuracy and Terminology each marked by one of them
        Segment s = Corpus.read(DIR.resolve("wmt23.jsonl")).documents().get(0).segments().get(0);
        assertThat(s.annotators()).isEqualTo(3);
        assertThat(s.countedErrors(1)).hasSize(4);
        assertThat(s.countedErrors(2)).isEmpty();

        AnnotatedError a = new AnnotatedError(0, 3, "Fluency/Grammar", "Fluency", Severity.MINOR, "r1");
        AnnotatedError b = new AnnotatedError(4, 9, "Fluency/Spelling", "Fluency", Severity.MAJOR, "r2");
        AnnotatedError c = new AnnotatedError(4, 9, "Style/Awkward", "Style", Severity.MINOR, "r2");
        AnnotatedError neutral = new AnnotatedError(0, 3, "Fluency/Grammar", "Fluency", Severity.NEUTRAL, "r3");
        Segment two = new Segment(1, "abc defgh", Segment.Kind.ANNOTATED, List.of(a, b, c, neutral), 3, null, List.of(), 2);
        assertThat(two.countedErrors(2)).containsExactly(a, b);
        assertThat(two.countedErrors(3)).as("a neutral mark is no vote").isEmpty();
        Segment rated2 = new Segment(1, "abc defgh", Segment.Kind.ANNOTATED, List.of(a, b, c), 2, null, List.of(), 2);
        assertThat(rated2.countedErrors(3)).as("all raters, when fewer than N rated the segment").containsExactly(a, b);
    }

    @Test
    void badLinesAreReportedWithFileAndLine(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, "{\"doc\": \"d\", \"system\": \"s\", \"seg\": 1, \"text\": \"Hello.\", \"errors\": []}\n"
                + "{\"doc\": \"d\", \"system\": \"s\", \"seg\": 2, \"text\": \"Hi.\", \"errors\": [{\"start\": 1, "
                + "\"end\": 9, \"category\": \"Fluency/Spelling\", \"severity\": \"minor\"}]}\n");
        assertThatThrownBy(() -> Corpus.read(bad)).isInstanceOf(CorpusException.class)
                .hasMessage(bad + ":2: error 1: span 1-9 lies outside the text (3 characters)");
        Files.writeString(bad, "{\"doc\": \"d\", \"seg\": 1, \"text\": \"Hello.\", \"errors\": []}\nnot json\n");
        assertThatThrownBy(() -> Corpus.read(bad)).hasMessageStartingWith(bad + ":2: not a JSON object");
        assertThatThrownBy(() -> Corpus.read(tmp.resolve("missing.jsonl"))).hasMessageEndingWith("missing.jsonl: file not found");
    }
}
