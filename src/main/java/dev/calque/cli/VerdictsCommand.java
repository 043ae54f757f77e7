package dev.calque.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.calque.report.Destination;
import dev.calque.review.Verdict;
import dev.calque.review.VerdictStore;
import dev.calque.score.Suppressions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calque verdicts export|import}: move the review desk's dismissals to and from suppressions files. */
@Command(name = "verdicts", description = "The review desk's verdicts: export the dismissals as a suppressions file "
        + "(for CI), or import one (into a desk).",
        subcommands = {VerdictsCommand.Export.class, VerdictsCommand.Import.class})
public final class VerdictsCommand {

    static final class Db {
        @Option(names = "--db", paramLabel = "FILE", description = "The verdict database (default: .calque/verdicts.db).")
        Path db;

        Path path() {
            return db != null ? db : VerdictStore.DEFAULT;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every finding whose current verdict is a dismissal as a suppressions file "
                    + "(YAML, or JSON when named .json), which 'calque check --suppressions' reads.")
    static final class Export implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Db db;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path output;

        @Override
        public Integer call() throws IOException {
            VerdictStore store = VerdictStore.openExisting(db.path());
            List<Map<String, String>> entries = new ArrayList<>();
            for (Verdict v : store.current()) {
                if (v.kind() != Verdict.Kind.DISMISSED) continue;
                Map<String, String> e = new LinkedHashMap<>();
                if (v.fingerprint() != null) e.put("fingerprint", v.fingerprint());
                if (!v.rule().isEmpty()) e.put("rule", v.rule());
                if (v.passage() != null) e.put("passage", v.passage());
                e.put("reason", v.reasonLine());
                if (v.articleSource() != null) e.put("source", v.articleSource());
                e.put("by", v.editor());
                e.put("date", v.time().toString());
                entries.add(e);
            }
            boolean json = output != null && output.getFileName().toString().endsWith(".json");
            ObjectMapper m = json ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    : new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
            m.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            try (Destination d = output == null ? Destination.stdout(stdout) : Destination.file(output)) {
                if (!json) {
                    d.stream().write(("# Findings dismissed at the review desk (" + db.path() + "), exported "
                            + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8));
                }
                m.writeValue(d.stream(), Map.of("suppressions", entries));
                d.commit();
            }
            if (output != null) {
                System.err.println("calque: " + entries.size() + " dismissed finding" + (entries.size() == 1 ? "" : "s")
                        + " written to " + output);
            }
            return Main.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Record each entry of a suppressions file (YAML or JSON) as a dismissal, unless the finding's "
                    + "current verdict already is one.")
    static final class Import implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Db db;

        @Parameters(paramLabel = "FILE", description = "A suppressions file (as 'calque verdicts export' writes).")
        Path file;

        @Option(names = "--editor", paramLabel = "NAME", description = "Editor for entries without 'by' "
                + "(default: 'import of FILE').")
        String editor;

        @Override
        public Integer call() {
            List<Suppressions.Suppression> entries = Suppressions.entries(file);
            VerdictStore store = VerdictStore.open(db.path());
            Set<String> already = new HashSet<>(store.dismissedFingerprints());
            Set<String> alreadyPairs = store.dismissedRulePassages();
            List<Verdict> add = new ArrayList<>();
            for (Suppressions.Suppression s : entries) {
                String fp = s.fingerprint() == null || s.fingerprint().isBlank() ? null : s.fingerprint().strip();
                if (fp != null ? !already.add(fp) : alreadyPairs.contains(s.rule() + '\u0000' + s.passage())) continue;
                Verdict.Reason reason = Verdict.Reason.OTHER;
                String note = s.reason().strip();
                for (Verdict.Reason r : Verdict.Reason.values()) {
                    if (note.equalsIgnoreCase(r.text())) {
                        reason = r;
                        note = null;
                        break;
                    }
                    if (note.toLowerCase(java.util.Locale.ROOT).startsWith(r.text() + ": ")) {
                        reason = r;
                        note = note.substring(r.text().length() + 2);
                        break;
                    }
                }
                String by = s.by() != null && !s.by().isBlank() ? s.by() : editor != null ? editor : "import of " + file.getFileName();
                add.add(new Verdict(fp, s.rule() == null ? "" : s.rule(), s.passage(), null, null, s.source(),
                        Verdict.Kind.DISMISSED, reason, note, null, by, time(s.date()), Versions.calque(), null));
            }
            store.recordAll(add);
            System.err.println("calque: " + add.size() + " dismissal" + (add.size() == 1 ? "" : "s") + " imported into "
                    + db.path() + (entries.size() > add.size() ? " (" + (entries.size() - add.size()) + " already there)" : ""));
            return Main.OK;
        }

        private static Instant time(String date) {
            if (date == null || date.isBlank()) return Instant.now();
            try {
                return Instant.parse(date.strip());
            } catch (RuntimeException e) {
                try {
                    return LocalDate.parse(date.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (RuntimeException e2) {
                    return Instant.now();
                }
            }
        }
    }
}
