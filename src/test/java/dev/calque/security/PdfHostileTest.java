package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.ingest.Fixtures;
import dev.calque.ingest.HostileFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PDFs crafted for PDFBox, written byte by byte ({@link HostileFiles}): cross-reference and object loops,
 * a page tree that loops, a Flate bomb, a hundred thousand pages, JavaScript, a launch action and an
 * embedded script, an empty user password. All in one run, in a JVM of 512 MB, beside the seed article:
 * each is read or refused in one line, nothing is run, fetched or written, and the seed is reported.
 */
class PdfHostileTest {
    @TempDir
    Path dir;

    @Test
    void everyCraftedPdfIsReadOrRefusedInOneLineAndNothingRunsOrIsWritten() throws Exception {
        Tripwire wire = Tripwire.answering(null).start();
        try {
            Path in = Files.createDirectories(dir.resolve("in"));
            Path tmp = Files.createDirectories(dir.resolve("tmp")); // the run's java.io.tmpdir: must stay empty
            Map<Path, Boolean> readable = new LinkedHashMap<>(); // true: its text must be checked
            readable.put(HostileFiles.pdfXrefPrevLoop(in), true);
            readable.put(HostileFiles.pdfReferenceLoops(in), null);
            readable.put(HostileFiles.pdfPageTreeLoop(in), null);
            for (Path bomb : HostileFiles.pdfFlateBombs(in)) readable.put(bomb, null);
            readable.put(HostileFiles.pdfManyPages(in, 100_000), true);
            readable.put(HostileFiles.pdfActiveContent(in, wire.url()), true);
            readable.put(HostileFiles.pdfEmptyUserPassword(in), true);
            List<Path> before;
            try (Stream<Path> s = Files.walk(dir)) {
                before = s.toList();
            }
            Path out = dir.resolve("out.json");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmp,
                    "-cp", System.getProperty("java.class.path"), "dev.calque.cli.Main",
                    "check", "--no-report", "--no-stock", "-f", "json", "-o", out.toString()));
            for (Path p : readable.keySet()) cmd.add(p.toString());
            cmd.add(Fixtures.SEED.toAbsolutePath().toString());
            Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile()).start();
            boolean ended = p.waitFor(300, TimeUnit.SECONDS);
            if (!ended) p.destroyForcibly();
            String err = Files.readString(dir.resolve("stderr.txt"));
            assertThat(ended).as(err).isTrue();
            assertThat(err).doesNotContain("OutOfMemoryError").doesNotContain("Exception").doesNotContain("\tat ")
                    .doesNotContain("SLF4J").doesNotContain("WARN").doesNotContain("ERROR");
            assertThat(p.exitValue()).as(err).isIn(0, 1, 3);
            JsonNode report = new ObjectMapper().readTree(out.toFile());
            List<String> checked = report.get("articles").findValuesAsText("source");
            Map<String, String> unreadable = new LinkedHashMap<>();
            for (JsonNode u : report.get("unreadable")) unreadable.put(u.get("source").asText(), u.get("reason").asText());
            for (Map.Entry<Path, Boolean> e : readable.entrySet()) {
                String name = e.getKey().toString();
                boolean wasChecked = checked.stream().anyMatch(s -> s.endsWith(e.getKey().getFileName().toString()));
                assertThat(wasChecked || unreadable.keySet().stream().anyMatch(s -> s.endsWith(e.getKey().getFileName()
                        .toString()))).as(name + "\n" + err).isTrue();
                if (Boolean.TRUE.equals(e.getValue())) assertThat(wasChecked).as(name + " " + unreadable + "\n" + err).isTrue();
                long lines = err.lines().filter(l -> l.contains(e.getKey().getFileName().toString())).count();
                assertThat(lines).as(name + "\n" + err).isLessThanOrEqualTo(1);
            }
            // every crafted PDF carries a sentence: a refusal must say what is wrong, not guess at a scan
            assertThat(unreadable.values()).as(err).noneMatch(r -> r.contains("scanned"));
            unreadable.forEach((f, r) -> {
                if (f.contains("flate-bomb")) assertThat(r).matches("compression bomb: the content of page 1 of 1 inflates .*");
            });
            assertThat(checked).anyMatch(s -> s.endsWith(Fixtures.SEED.getFileName().toString()));
            assertThat(report.toString()).contains("swept to AFP");
            assertThat(wire.requests()).isEmpty();
            List<Path> after;
            try (Stream<Path> s = Files.walk(dir)) {
                after = s.filter(f -> !f.getFileName().toString().matches("out.json|std(out|err).txt")).toList();
            }
            assertThat(after).containsExactlyInAnyOrderElementsOf(before);
            assertThat(Path.of("/tmp/calque-pwned")).doesNotExist();
            assertThat(Path.of("evil.sh")).doesNotExist();
            assertThat(Path.of("../../evil.sh")).doesNotExist();
            System.out.println(err);
            System.out.println(unreadable);
        } finally {
            wire.stop();
        }
    }
}
