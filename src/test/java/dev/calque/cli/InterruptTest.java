package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.ingest.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C stops a long run promptly and still leaves whole outputs with what was finished. */
class InterruptTest {
    @TempDir
    Path dir;

    @Test
    void ctrlCLeavesAWholeReport() throws Exception {
        // a shell starts a background job (`mvn test &`, nohup) with SIGINT ignored, its children inherit that, and
        // the JVM then installs no handler for it: Ctrl-C cannot reach such a run, which is the shell's choice
        assumeFalse(ignored(2), "SIGINT is ignored in this process (started in the background), so its children ignore it too");
        interruptedRunLeavesAWholeReport("INT");
    }

    /** Whether this process ignores the signal, by Linux's /proc/self/status (false where there is no such file). */
    private static boolean ignored(int signal) throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) return false;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) return (Long.parseUnsignedLong(line.substring(7).strip(), 16) >> (signal - 1) & 1) == 1;
        }
        return false;
    }

    @Test
    void sigtermLeavesAWholeReport() throws Exception {
        interruptedRunLeavesAWholeReport("TERM");
    }

    /** A run killed outright leaves its temporary file; the next run in that folder removes it, not a live run's. */
    @Test
    void aLaterRunRemovesTheTemporaryFilesOfKilledRuns() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path killed = Files.writeString(dir.resolve(".out.json." + dead.pid() + ".abc123.part"), "{\"half\":");
        Path live = Files.writeString(dir.resolve(".out.json." + ProcessHandle.current().pid() + ".def456.part"), "{");
        CliRun run = CliRun.of("check", "--format", "json", "-o", dir.resolve("out.json").toString(), Fixtures.SEED.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.FAILED_GATE);
        assertThat(killed).doesNotExist();
        assertThat(live).exists();
    }

    void interruptedRunLeavesAWholeReport(String signal) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("desk"));
        // far more articles than the signal lets through: on a loaded machine the watcher below can wake late
        int articles = 200;
        for (int i = 0; i < articles; i++) Files.copy(Fixtures.SEED, folder.resolve(String.format("story-%03d.txt", i)));
        Path out = dir.resolve("out.json");
        Files.writeString(out, "{\"previous\": true}"); // a good earlier report must not be lost to a half-written one
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.calque.cli.Main",
                "check", "--no-report", "--threads", "1", "--format", "json", "-o", out.toString(), folder.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        // wait until the writer has streamed at least two articles into its temporary file
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until && p.isAlive() && articlesInProgress() < 2) Thread.sleep(100);
        assertThat(p.isAlive()).as("still running after two articles").isTrue();
        long signalled = System.nanoTime();
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped").isTrue();
        double seconds = (System.nanoTime() - signalled) / 1e9;
        System.out.printf("InterruptTest: SIG%s to exit in %.2f s%n", signal, seconds);
        // the article in progress is abandoned, not finished: a second or two, not the article's check time
        assertThat(seconds).as("seconds from the signal to the exit").isLessThan(10);

        JsonNode report = new ObjectMapper().readTree(out.toFile());
        int done = report.get("articles").size();
        assertThat(done).isBetween(2, articles - 1);
        assertThat(report.at("/summary/articles").asInt()).isEqualTo(done);
        assertThat(Files.readString(dir.resolve("log.txt"))).contains("interrupted");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".part"))).isEmpty();
        }
    }

    private int articlesInProgress() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> parts = files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
            if (parts.isEmpty()) return 0;
            String s = Files.readString(parts.get(0));
            return s.split("\"findings\"", -1).length - 1;
        }
    }
}
