package dev.calque.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sqlite.SQLiteConfig;

/**
 * Editors' verdicts in an SQLite file (docs/review.md says why SQLite). Every verdict is kept (an
 * editor who changes their mind adds a row); the finding's current verdict is its latest one.
 *
 * <p>Each call opens its own connection, so one store is safe to share between the server's threads,
 * and several processes (a desk and a CI check) can use one file: writes take SQLite's write lock at
 * the start of their transaction ({@code BEGIN IMMEDIATE}) and wait for each other up to the busy
 * timeout instead of failing. The journal is a write-ahead log synced at every commit, so a killed
 * process loses at most the transaction it had not committed.
 */
public final class VerdictStore {
    /** The state folder and file a desk uses when no {@code --db} is given. */
    public static final Path DEFAULT = Path.of(".calque", "verdicts.db");

    private static final int BUSY_TIMEOUT_MS = 30_000;

    /**
     * The schema, one migration per version, applied in order at start-up; never edit one that has
     * shipped, add the next.
     */
    private static final List<String> MIGRATIONS = List.of(
            // 1: the verdicts, one row per decision
            """
            CREATE TABLE verdicts (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              finding_key TEXT NOT NULL,
              fingerprint TEXT,
              rule TEXT NOT NULL,
              passage TEXT,
              sentence TEXT,
              article_id TEXT,
              article_source TEXT,
              verdict TEXT NOT NULL CHECK (verdict IN ('confirmed', 'dismissed', 'edited')),
              reason TEXT CHECK (reason IS NULL OR reason IN ('false-positive', 'acceptable-in-context', 'style-choice', 'other')),
              note TEXT,
              edited_suggestion TEXT,
              editor TEXT NOT NULL,
              decided_at TEXT NOT NULL,
              calque_version TEXT,
              rule_pack TEXT
            );
            CREATE INDEX verdicts_by_finding ON verdicts (finding_key, id);
            CREATE INDEX verdicts_by_rule ON verdicts (rule);
            """,
            // 2: each finding's current verdict
            """
            CREATE VIEW current_verdicts AS
              SELECT v.* FROM verdicts v
              JOIN (SELECT finding_key, MAX(id) AS id FROM verdicts GROUP BY finding_key) latest ON v.id = latest.id;
            """);

    /** A rule's current verdicts: edited counts as confirmed (the finding was right, the fix differed). */
    public record RuleTally(String rule, int confirmed, int dismissed) {
        /** Confirmed over judged, or null when no verdict. */
        public Double precision() {
            int n = confirmed + dismissed;
            return n == 0 ? null : (double) confirmed / n;
        }
    }

    private final Path file;

    private VerdictStore(Path file) {
        this.file = file;
    }

    /** Opens the store, creating the file (and its folder) when missing, and brings its schema up to date. */
    public static VerdictStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot create its folder: " + e.getMessage());
        }
        VerdictStore s = new VerdictStore(file);
        s.migrate();
        return s;
    }

    /** Opens a store that must exist already (a {@code --verdicts} file given to a check). */
    public static VerdictStore openExisting(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(file + ": verdict database not found");
        return open(file);
    }

    /** Whether the file starts as an SQLite database does (to tell a verdict store from a suppressions file). */
    public static boolean looksLikeDatabase(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(16);
            return new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals("SQLite format 3\0");
        } catch (IOException e) {
            return false;
        }
    }

    public Path file() {
        return file;
    }

    /** The schema version the file is at. */
    public int schemaVersion() {
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rs.getInt(1);
        } catch (SQLException e) {
            throw failure("cannot read the schema version", e);
        }
    }

    public static int latestSchemaVersion() {
        return MIGRATIONS.size();
    }

    private void migrate() {
        try (Connection c = connect()) {
            c.setAutoCommit(false); // BEGIN IMMEDIATE: two desks starting at once migrate one after the other
            try (Statement st = c.createStatement()) {
                st.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        + "applied_at TEXT NOT NULL)");
                int at;
                try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                    at = rs.getInt(1);
                }
                if (at > MIGRATIONS.size()) {
                    c.rollback();
                    throw new IllegalArgumentException(file + ": verdict database at schema version " + at
                            + ", written by a newer Calque (this one knows up to " + MIGRATIONS.size() + ")");
                }
                for (int v = at + 1; v <= MIGRATIONS.size(); v++) {
                    for (String sql : MIGRATIONS.get(v - 1).split(";\\s*\n")) {
                        if (!sql.isBlank()) st.executeUpdate(sql);
                    }
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_version VALUES (?, ?)")) {
                        p.setInt(1, v);
                        p.setString(2, Instant.now().toString());
                        p.executeUpdate();
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw failure("cannot open", e);
        }
    }

    /** Records a verdict in its own transaction; returns its row id. */
    public long record(Verdict v) {
        return recordAll(List.of(v)).get(0);
    }

    /** Records verdicts in one transaction: all of them or none. */
    public List<Long> recordAll(List<Verdict> verdicts) {
        List<Long> ids = new ArrayList<>(verdicts.size());
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO verdicts (finding_key, fingerprint, rule, "
                    + "passage, sentence, article_id, article_source, verdict, reason, note, edited_suggestion, editor, "
                    + "decided_at, calque_version, rule_pack) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (Verdict v : verdicts) {
                    int i = 0;
                    p.setString(++i, key(v.fingerprint(), v.rule(), v.passage()));
                    p.setString(++i, blankToNull(v.fingerprint()));
                    p.setString(++i, v.rule() == null ? "" : v.rule());
                    p.setString(++i, v.passage());
                    p.setString(++i, v.sentence());
                    p.setString(++i, v.articleId());
                    p.setString(++i, v.articleSource());
                    p.setString(++i, v.kind().label());
                    p.setString(++i, v.reason() == null ? null : v.reason().label());
                    p.setString(++i, blankToNull(v.note()));
                    p.setString(++i, blankToNull(v.editedSuggestion()));
                    p.setString(++i, v.editor().strip());
                    p.setString(++i, v.time().toString());
                    p.setString(++i, v.calqueVersion());
                    p.setString(++i, v.rulePack());
                    p.executeUpdate();
                    try (ResultSet keys = p.getGeneratedKeys()) {
                        ids.add(keys.next() ? keys.getLong(1) : -1L);
                    }
                }
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            c.commit();
            return ids;
        } catch (SQLException e) {
            throw failure("cannot record the verdict", e);
        }
    }

    /** Each finding's current verdict, oldest decision first. */
    public List<Verdict> current() {
        return query("SELECT * FROM current_verdicts ORDER BY id", null);
    }

    /** Every verdict ever recorded, oldest first (the desk's history). */
    public List<Verdict> history() {
        return query("SELECT * FROM verdicts ORDER BY id", null);
    }

    /** Current verdicts of the given fingerprints, by fingerprint. */
    public Map<String, Verdict> currentFor(Set<String> fingerprints) {
        Map<String, Verdict> out = new LinkedHashMap<>();
        if (fingerprints.isEmpty()) return out;
        for (Verdict v : current()) {
            if (v.fingerprint() != null && fingerprints.contains(v.fingerprint())) out.put(v.fingerprint(), v);
        }
        return out;
    }

    /** Fingerprints whose current verdict is a dismissal: a check leaves those findings out. */
    public Set<String> dismissedFingerprints() {
        Set<String> out = new HashSet<>();
        for (Verdict v : current()) if (v.kind() == Verdict.Kind.DISMISSED && v.fingerprint() != null) out.add(v.fingerprint());
        return out;
    }

    /** Rule-and-passage dismissals (imported from a suppressions file that gave no fingerprint). */
    public Set<String> dismissedRulePassages() {
        Set<String> out = new HashSet<>();
        for (Verdict v : current()) {
            if (v.kind() == Verdict.Kind.DISMISSED && v.fingerprint() == null) out.add(v.rule() + '\u0000' + v.passage());
        }
        return out;
    }

    /**
     * Per rule, its findings' current verdicts: confirmed (or edited) and dismissed; rules in id order.
     * (Dismissals imported with a fingerprint only name no rule and are not counted.)
     */
    public Map<String, RuleTally> tallies() {
        Map<String, int[]> counts = new TreeMap<>();
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rule, verdict, COUNT(*) FROM current_verdicts WHERE rule <> '' GROUP BY rule, verdict")) {
            while (rs.next()) {
                int[] n = counts.computeIfAbsent(rs.getString(1), k -> new int[2]);
                n["dismissed".equals(rs.getString(2)) ? 1 : 0] += rs.getInt(3);
            }
        } catch (SQLException e) {
            throw failure("cannot read the verdicts", e);
        }
        Map<String, RuleTally> out = new LinkedHashMap<>();
        counts.forEach((rule, n) -> out.put(rule, new RuleTally(rule, n[0], n[1])));
        return out;
    }

    private List<Verdict> query(String sql, String arg) {
        List<Verdict> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(sql)) {
            if (arg != null) p.setString(1, arg);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String reason = rs.getString("reason");
                    out.add(new Verdict(rs.getString("fingerprint"), rs.getString("rule"), rs.getString("passage"),
                            rs.getString("sentence"), rs.getString("article_id"), rs.getString("article_source"),
                            Verdict.Kind.parse(rs.getString("verdict")), reason == null ? null : Verdict.Reason.parse(reason),
                            rs.getString("note"), rs.getString("edited_suggestion"), rs.getString("editor"),
                            Instant.parse(rs.getString("decided_at")), rs.getString("calque_version"),
                            rs.getString("rule_pack")));
                }
            }
        } catch (SQLException e) {
            throw failure("cannot read the verdicts", e);
        }
        return out;
    }

    /** A finding's identity in the store: its fingerprint, or its rule and passage when it has none. */
    private static String key(String fingerprint, String rule, String passage) {
        return fingerprint != null && !fingerprint.isBlank() ? fingerprint.strip() : "rule:" + rule + '\u0000' + passage;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Connection connect() throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        cfg.enforceForeignKeys(true);
        return cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private IllegalArgumentException failure(String what, SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        if (m.contains("SQLITE_NOTADB") || m.contains("not a database")) {
            return new IllegalArgumentException(file + ": not a Calque verdict database (not an SQLite file)");
        }
        return new IllegalArgumentException(file + ": " + what + ": " + m.lines().findFirst().orElse(m));
    }
}
