package dev.calque.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictStoreTest {
    @TempDir
    Path tmp;

    static Verdict verdict(String fp, String rule, Verdict.Kind kind, String editor) {
        return new Verdict(fp, rule, "swept to AFP", "“It was not a new engagement”, swept to AFP an American official.",
                "story.txt", "desk/story.txt", kind, kind == Verdict.Kind.DISMISSED ? Verdict.Reason.STYLE_CHOICE : null,
                null, null, editor, Instant.parse("2026-12-01T10:00:00Z"), "0.1.0", "abc123");
    }

    @Test
    void createsTheFileUnderItsFolderWithTheSchemaAndKeepsEveryField() {
        Path db = tmp.resolve(".calque/verdicts.db");
        VerdictStore s = VerdictStore.open(db);
        assertThat(db).isRegularFile();
        assertThat(VerdictStore.looksLikeDatabase(db)).isTrue();
        assertThat(s.schemaVersion()).isEqualTo(VerdictStore.latestSchemaVersion());

        Verdict edited = new Verdict("fp1", "AGENCY_NON_SPEECH_VERB", "swept to AFP", "… swept to AFP …", "story.txt",
                "desk/story.txt", Verdict.Kind.EDITED, null, null, "said to AFP", "Ana", Instant.parse("2026-12-01T10:00:00Z"),
                "0.1.0", "abc123");
        s.record(edited);
        assertThat(s.current()).containsExactly(edited);
        // reopening applies no migration twice
        assertThat(VerdictStore.open(db).current()).containsExactly(edited);
    }

    @Test
    void theLatestVerdictOnAFindingIsItsCurrentOneAndTalliesCountCurrentOnes() {
        VerdictStore s = VerdictStore.open(tmp.resolve("v.db"));
        s.record(verdict("a", "R1", Verdict.Kind.DISMISSED, "Ana"));
        s.record(verdict("a", "R1", Verdict.Kind.CONFIRMED, "Ben")); // Ben overrules Ana
        s.record(verdict("b", "R1", Verdict.Kind.DISMISSED, "Ana"));
        s.record(verdict("c", "R2", Verdict.Kind.CONFIRMED, "Ana"));
        assertThat(s.history()).hasSize(4);
        assertThat(s.dismissedFingerprints()).containsExactly("b");
        assertThat(s.tallies()).containsOnlyKeys("R1", "R2");
        assertThat(s.tallies().get("R1")).isEqualTo(new VerdictStore.RuleTally("R1", 1, 1));
        assertThat(s.tallies().get("R1").precision()).isEqualTo(0.5);
        assertThat(s.tallies().get("R2").precision()).isEqualTo(1.0);
    }

    @Test
    void anUpgradedFileKeepsItsVerdicts() throws Exception {
        Path db = tmp.resolve("old.db");
        VerdictStore.open(db).record(verdict("a", "R1", Verdict.Kind.DISMISSED, "Ana"));
        // roll the file back to schema 1 (before the current-verdicts view), as an older Calque left it
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate("DROP VIEW current_verdicts");
            st.executeUpdate("DELETE FROM schema_version WHERE version > 1");
        }
        VerdictStore s = VerdictStore.open(db);
        assertThat(s.schemaVersion()).isEqualTo(VerdictStore.latestSchemaVersion());
        assertThat(s.dismissedFingerprints()).containsExactly("a");
    }

    @Test
    void refusesAFileFromANewerCalqueAndAFileThatIsNoDatabase() throws Exception {
        Path db = tmp.resolve("new.db");
        VerdictStore.open(db);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO schema_version VALUES (99, 'later')");
        }
        assertThatThrownBy(() -> VerdictStore.open(db)).hasMessageContaining("new.db").hasMessageContaining("newer Calque");

        Path text = Files.writeString(tmp.resolve("notes.db"), "suppressions:\n  - rule: X\n".repeat(50));
        assertThatThrownBy(() -> VerdictStore.open(text)).hasMessageContaining("notes.db: not a Calque verdict database");
        assertThat(Files.readString(text)).startsWith("suppressions:"); // left as it was
        assertThatThrownBy(() -> VerdictStore.openExisting(tmp.resolve("missing.db")))
                .hasMessage(tmp.resolve("missing.db") + ": verdict database not found");
    }

    @Test
    void twoWritersAtOnceLoseNoVerdict() throws Exception {
        Path db = tmp.resolve("busy.db");
        VerdictStore.open(db);
        int perWriter = 150;
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> writers = new ArrayList<>();
        for (String editor : List.of("Ana", "Ben")) {
            // each writer its own store object, as two server threads or two desks on one file
            VerdictStore mine = VerdictStore.open(db);
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perWriter; i++) mine.record(verdict(editor + i, "R" + (i % 3), Verdict.Kind.CONFIRMED, editor));
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            t.start();
            writers.add(t);
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread t : writers) t.join(120_000);
        // a figure for docs/review.md, not a limit: each verdict is its own synced transaction
        System.out.printf("two writers: %d verdicts in %d ms%n", 2 * perWriter, (System.nanoTime() - t0) / 1_000_000);
        assertThat(errors).isEmpty();
        VerdictStore s = VerdictStore.open(db);
        assertThat(s.history()).hasSize(2 * perWriter);
        assertThat(s.history().stream().filter(v -> v.editor().equals("Ben")).count()).isEqualTo(perWriter);
    }

    @Test
    void aWriterKilledMidWritesLeavesAWholeFileWithEveryCommittedVerdict() throws Exception {
        Path db = tmp.resolve("killed.db");
        VerdictStore.open(db);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledWriter.class.getName(), db.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            // let it commit a good number, then kill it while it is writing
            while (acknowledged < 200 && (line = out.readLine()) != null) acknowledged = Integer.parseInt(line.strip());
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).isEqualTo(137);
        assertThat(acknowledged).isGreaterThanOrEqualTo(200);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
        VerdictStore s = VerdictStore.open(db);
        // every verdict the writer saw committed is there, whole, in order (it may have committed a few
        // more before the kill arrived, never half of one)
        List<Verdict> kept = s.history();
        assertThat(kept.size()).isGreaterThanOrEqualTo(acknowledged);
        for (int i = 0; i < kept.size(); i++) {
            assertThat(kept.get(i).fingerprint()).isEqualTo("k" + (i + 1));
            assertThat(kept.get(i).sentence()).endsWith("an American official.");
        }
        s.record(verdict("after", "R1", Verdict.Kind.CONFIRMED, "Ana"));
        assertThat(s.history()).hasSize(kept.size() + 1);
    }

    /** The child JVM of the kill test: writes verdicts until killed, printing the count after each commit. */
    public static final class KilledWriter {
        public static void main(String[] args) {
            VerdictStore s = VerdictStore.open(Path.of(args[0]));
            for (int i = 1; ; i++) {
                s.record(verdict("k" + i, "R" + (i % 5), i % 2 == 0 ? Verdict.Kind.CONFIRMED : Verdict.Kind.DISMISSED, "Writer"));
                System.out.println(i);
                System.out.flush();
            }
        }
    }
}
