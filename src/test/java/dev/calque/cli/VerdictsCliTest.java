package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.review.Verdict;
import dev.calque.review.VerdictStore;
import dev.calque.score.Suppressions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's verdicts outside the desk: in a check, in and out of suppressions files, in rule statistics. */
class VerdictsCliTest {
    static final String SEED = "src/test/resources/articles/000_5323ff96fa5a9330.txt";
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    static Verdict verdict(JsonNode f, Verdict.Kind kind) {
        return new Verdict(f.get("fingerprint").asText(), f.get("rule").asText(), f.get("passage").asText(),
                f.get("sentence").asText(), "seed", SEED, kind, kind == Verdict.Kind.DISMISSED ? Verdict.Reason.FALSE_POSITIVE : null,
                null, null, "Ana", Instant.now(), "test", "hash");
    }

    @Test
    void aCheckReadsTheDatabaseNamedInCalqueYmlAndCountsWhatItLeftOut() throws Exception {
        Path before = tmp.resolve("before.json");
        assertThat(CliRun.of("check", "-q", "-f", "json", "-o", before.toString(), SEED).exit()).isEqualTo(Main.FAILED_GATE);
        List<JsonNode> findings = new ArrayList<>();
        JSON.readTree(before.toFile()).at("/articles/0/findings").forEach(findings::add);
        JsonNode poutine = findings.stream().filter(f -> f.get("passage").asText().equals("Poutine")).findFirst().orElseThrow();
        JsonNode source = findings.stream().filter(f -> f.get("rule").asText().equals("PAGE_FURNITURE")).findFirst().orElseThrow();

        Path db = tmp.resolve("desk/verdicts.db");
        VerdictStore store = VerdictStore.open(db);
        store.record(verdict(poutine, Verdict.Kind.DISMISSED));
        store.record(verdict(source, Verdict.Kind.DISMISSED));
        store.record(verdict(source, Verdict.Kind.CONFIRMED)); // a second editor overrules: it stays reported
        Path config = Files.writeString(tmp.resolve("calque.yml"), "verdicts: desk/verdicts.db\n");

        Path after = tmp.resolve("after.json");
        CliRun run = CliRun.of("check", "--config", config.toString(), "-f", "json", "-o", after.toString(), SEED);
        assertThat(run.exit()).isEqualTo(Main.FAILED_GATE);
        assertThat(run.err()).contains("1 finding left out as dismissed at the review desk");
        JsonNode report = JSON.readTree(after.toFile());
        assertThat(report.at("/articles/0/findings")).hasSize(findings.size() - 1);
        assertThat(report.at("/articles/0/findings").findValuesAsText("passage")).doesNotContain("Poutine").contains("source site");
        assertThat(report.at("/summary/suppressed").asInt()).isEqualTo(1);
    }

    /** The desk's verdicts move a rule's confidence in the next check (issue 16's recalibration). */
    @Test
    void dismissalsLowerARulesConfidenceAndConfirmationsRaiseIt() throws Exception {
        Path before = tmp.resolve("before.json");
        CliRun.of("check", "-q", "-f", "json", "-o", before.toString(), SEED);
        double engagement = confidence(before, "FF_ENGAGEMENT"), minimize = confidence(before, "FF_MINIMIZE");
        VerdictStore store = VerdictStore.open(tmp.resolve("v.db"));
        for (int i = 0; i < 20; i++) { // verdicts on other stories: the seed's own findings stay reported
            store.record(new Verdict("other-" + i, "FF_ENGAGEMENT", "engagement", "…", "s" + i, "s.txt",
                    Verdict.Kind.DISMISSED, Verdict.Reason.FALSE_POSITIVE, null, null, "Ana", Instant.now(), "t", "h"));
            store.record(new Verdict("more-" + i, "FF_MINIMIZE", "minimized", "…", "s" + i, "s.txt",
                    Verdict.Kind.CONFIRMED, null, null, null, "Ana", Instant.now(), "t", "h"));
        }
        Path after = tmp.resolve("after.json");
        CliRun.of("check", "-q", "--verdicts", tmp.resolve("v.db").toString(), "-f", "json", "-o", after.toString(), SEED);
        assertThat(confidence(after, "FF_ENGAGEMENT")).isLessThan(engagement);
        assertThat(confidence(after, "FF_MINIMIZE")).isGreaterThan(minimize);
    }

    private static double confidence(Path report, String rule) throws Exception {
        for (JsonNode f : JSON.readTree(report.toFile()).at("/articles/0/findings")) {
            if (f.get("rule").asText().equals(rule)) return f.get("confidence").asDouble();
        }
        throw new AssertionError(rule + " not in " + report);
    }

    @Test
    void aFileThatIsNoVerdictDatabaseIsOneLineAndExit2() throws Exception {
        Path notDb = Files.writeString(tmp.resolve("verdicts.db"), "hello\n".repeat(100));
        CliRun run = CliRun.of("check", "-q", "--verdicts", notDb.toString(), SEED);
        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err().strip()).isEqualTo("calque: " + notDb + ": not a Calque verdict database (not an SQLite file)");
        assertThat(CliRun.of("check", "-q", "--verdicts", tmp.resolve("none.db").toString(), SEED).err())
                .contains("none.db: verdict database not found");
    }

    @Test
    void exportWritesASuppressionsFileThatCheckReadsAndImportBringsItBackOnce() throws Exception {
        Path db = tmp.resolve("a.db");
        VerdictStore a = VerdictStore.open(db);
        a.record(new Verdict("fp-1", "FF_ENGAGEMENT", "engagement", "No new engagement", "s", "s.txt", Verdict.Kind.DISMISSED,
                Verdict.Reason.STYLE_CHOICE, "house style", null, "Ana", Instant.parse("2026-12-01T09:00:00Z"), "t", "h"));
        a.record(new Verdict("fp-2", "FR_NAME_FORM", "Poutine", "…", "s", "s.txt", Verdict.Kind.DISMISSED,
                Verdict.Reason.OTHER, "a book title", null, "Ben", Instant.parse("2026-12-01T09:05:00Z"), "t", "h"));
        a.record(new Verdict("fp-3", "FF_MINIMIZE", "minimized", "…", "s", "s.txt", Verdict.Kind.CONFIRMED,
                null, null, null, "Ben", Instant.parse("2026-12-01T09:06:00Z"), "t", "h"));

        Path yml = tmp.resolve("suppressions.yml");
        assertThat(CliRun.of("verdicts", "export", "--db", db.toString(), "-o", yml.toString()).exit()).isEqualTo(Main.OK);
        assertThat(Files.readString(yml)).contains("reason: \"style choice: house style\"").contains("reason: a book title")
                .doesNotContain("fp-3");
        Suppressions s = Suppressions.load(null, yml);
        assertThat(s.accepts("FF_ENGAGEMENT", "engagement", "fp-1")).isTrue();
        assertThat(s.accepts("FF_MINIMIZE", "minimized", "fp-3")).isFalse();

        Path other = tmp.resolve("b.db");
        assertThat(CliRun.of("verdicts", "import", "--db", other.toString(), yml.toString()).err()).contains("2 dismissals imported");
        assertThat(CliRun.of("verdicts", "import", "--db", other.toString(), yml.toString()).err())
                .contains("0 dismissals imported").contains("2 already there");
        List<Verdict> b = VerdictStore.open(other).current();
        assertThat(b).extracting(Verdict::fingerprint).containsExactly("fp-1", "fp-2");
        assertThat(b.get(0).reason()).isEqualTo(Verdict.Reason.STYLE_CHOICE);
        assertThat(b.get(0).note()).isEqualTo("house style");
        assertThat(b.get(0).editor()).isEqualTo("Ana");
        assertThat(b.get(1).reason()).isEqualTo(Verdict.Reason.OTHER);
    }

    @Test
    void ruleStatsPutsTheDesksPrecisionBesideTheDevCorporas() throws Exception {
        Path db = tmp.resolve("v.db");
        VerdictStore store = VerdictStore.open(db);
        for (int i = 0; i < 3; i++) {
            store.record(new Verdict("c" + i, "FF_ENGAGEMENT", "engagement", "…", "s", "s", Verdict.Kind.CONFIRMED, null, null,
                    null, "Ana", Instant.now(), "t", "h"));
        }
        store.record(new Verdict("d", "FF_ENGAGEMENT", "engagement", "…", "s", "s", Verdict.Kind.DISMISSED,
                Verdict.Reason.FALSE_POSITIVE, null, null, "Ana", Instant.now(), "t", "h"));
        store.record(new Verdict("e", "STRONGMAN_OF", "x", "…", "s", "s", Verdict.Kind.DISMISSED,
                Verdict.Reason.STYLE_CHOICE, null, null, "Ana", Instant.now(), "t", "h"));
        // per-rule figures as calque eval --format json writes them, on two corpora
        Path eval = Files.writeString(tmp.resolve("eval.json"), "{\"schemaVersion\":1,\"kind\":\"calque-eval\",\"eval\":{"
                + "\"corpora\":[{\"calque\":{\"rules\":[{\"rule\":\"FF_ENGAGEMENT\",\"findings\":10,\"hits\":6,\"unjudged\":2}]}},"
                + "{\"calque\":{\"rules\":[{\"rule\":\"FF_ENGAGEMENT\",\"findings\":2,\"hits\":1,\"unjudged\":0},"
                + "{\"rule\":\"PAGE_FURNITURE\",\"findings\":4,\"hits\":4,\"unjudged\":0}]}}]}}");
        CliRun run = CliRun.of("rules", "stats", "--verdicts", db.toString(), "--eval", eval.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.OK);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).contains("5 findings judged");
        assertThat(lines.get(1)).contains("CONFIRMED", "DISMISSED", "DESK PRECISION", "DEV PRECISION");
        assertThat(lines.get(2).split("\\s+")).containsExactly("FF_ENGAGEMENT", "3", "1", "75.0%", "10", "70.0%");
        assertThat(lines.get(3).split("\\s+")).containsExactly("STRONGMAN_OF", "0", "1", "0.0%", "–", "–");
        assertThat(lines.get(4).split("\\s+")).containsExactly("PAGE_FURNITURE", "0", "0", "–", "4", "100.0%");

        JsonNode json = JSON.readTree(CliRun.of("rules", "stats", "--verdicts", db.toString(), "-f", "json").out());
        assertThat(json.at("/verdicts/0/precision").asDouble()).isEqualTo(0.75);
    }
}
