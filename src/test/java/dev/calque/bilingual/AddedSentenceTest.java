package dev.calque.bilingual;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.eval.Corpus;
import dev.calque.eval.EvalDocument;
import dev.calque.eval.Segment;
import dev.calque.model.Article;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sentence of another story added after a sentence of four human translations of newstest2014 (copied from
 * ../shared/eval), each checked beside its French original as {@code --source} does: the aligner often joins a short
 * added sentence to its neighbour's link (1-2), where SOURCE_ADDITION still finds it; the translations as they are
 * have no finding of the rule.
 */
class AddedSentenceTest {
    private static final SourceRules.Pack PACK = SourceRules.load(List.of(Path.of("rules")), "en", "fr");

    private static List<SourceRule.Hit> additions(String en, String fr) {
        SourceRule rule = PACK.rules().stream().filter(r -> r.info().id().equals("SOURCE_ADDITION")).findFirst().orElseThrow();
        return rule.find(BilingualArticle.of(Article.ofText("t.txt", en), Original.of("t.fr.txt", "fr", fr)), PACK.conventions());
    }

    @Test
    void aSentenceOfAnotherStoryIsFlaggedWhereverItIsAdded() {
        List<EvalDocument> docs = Corpus.read(Path.of("src/test/resources/eval/human-with-source.jsonl")).documents();
        int added = 0;
        int flagged = 0;
        int joined = 0;
        for (int d = 0; d < docs.size(); d++) {
            EvalDocument doc = docs.get(d);
            List<String> en = doc.segments().stream().map(Segment::text).toList();
            String fr = String.join("\n\n", doc.segments().stream().map(Segment::source).toList());
            assertThat(additions(String.join("\n\n", en), fr)).as(doc.doc()).isEmpty();
            // the other stories' sentences of 60 to 130 characters: short enough for the aligner to join them to a link
            List<String> riders = new ArrayList<>();
            for (EvalDocument o : docs) {
                if (o == doc) continue;
                for (Segment s : o.segments()) if (s.text().length() >= 60 && s.text().length() <= 130 && s.text().endsWith(".")) riders.add(s.text());
            }
            for (int i = 1; i < en.size(); i++) {
                if (en.get(i).length() < 100 || !en.get(i).endsWith(".")) continue;
                String rider = riders.get((i * 7 + d) % riders.size());
                List<String> changed = new ArrayList<>(en);
                changed.set(i, en.get(i) + " " + rider);
                String text = String.join("\n\n", changed);
                int start = text.indexOf(rider);
                int end = start + rider.length();
                added++;
                List<SourceRule.Hit> hits = additions(text, fr);
                if (hits.stream().anyMatch(h -> h.start() < end && start < h.end())) flagged++;
                if (hits.stream().anyMatch(h -> h.link().type() == LinkType.ONE_TWO && h.start() == start)) joined++;
            }
        }
        System.out.println("added sentences: " + flagged + "/" + added + " flagged, " + joined + " inside a 1-2 link");
        assertThat(added).isGreaterThanOrEqualTo(20);
        assertThat(joined).isPositive();
        assertThat((double) flagged / added).isGreaterThanOrEqualTo(0.9);
    }
}
