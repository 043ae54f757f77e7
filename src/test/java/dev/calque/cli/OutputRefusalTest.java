package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.ingest.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs never destroy what the user has: -o onto an input, a folder, a FIFO, a path under a file,
 * two formats onto one file, a report or cache folder that is a file are each refused before any
 * work, with exit 2 and one line naming the path and the reason; a symbolic link is written through,
 * a device is written directly, and a write error on standard output is an error.
 */
class OutputRefusalTest {
    @TempDir
    Path dir;
    Path story;

    @BeforeEach
    void story() throws Exception {
        story = Files.copy(Fixtures.SEED, dir.resolve("story.txt"));
    }

    private void assertRefused(String reason, String... args) throws Exception {
        String before = Files.readString(story);
        long t0 = System.nanoTime();
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.USAGE);
        assertThat(run.err().lines().toList()).as(run.err()).hasSize(1);
        assertThat(run.err()).startsWith("calque: ").contains(reason);
        assertThat(Files.readString(story)).isEqualTo(before);
        // refused before LanguageTool starts (seconds), not after the run
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20);
    }

    @Test
    void anInputIsNeverOverwritten() throws Exception {
        assertRefused("story.txt: is also an input", "check", "-f", "json", "-o", story.toString(), story.toString());
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), story.getFileName());
        assertRefused("link.json: is also an input", "check", "-f", "json", "-o", link.toString(), story.toString());
        assertRefused("story.txt: is inside the input folder", "check", "-f", "json", "-o", story.toString(), dir.toString());
    }

    @Test
    void foldersFifosAndPathsUnderFilesAreRefused() throws Exception {
        assertRefused(dir + ": is a folder", "check", "-f", "json", "-o", dir.toString(), story.toString());
        Path fifo = dir.resolve("pipe");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        assertRefused("pipe: not a regular file (a FIFO)", "check", "-f", "json", "-o", fifo.toString(), story.toString());
        assertRefused("story.txt is a file, not a folder", "check", "-f", "json", "-o",
                story.resolve("out.json").toString(), story.toString());
        assertRefused("/proc/calque-out.json: cannot write in /proc", "check", "-f", "json", "-o", "/proc/calque-out.json",
                story.toString());
    }

    @Test
    void twoFormatsOntoOneFileAreRefused() throws Exception {
        Path out = dir.resolve("out.txt");
        assertRefused("out.txt: given to two outputs (json output and sarif output)", "check", "-f", "json", "-o",
                out.toString(), "-f", "sarif", "-o", dir.resolve(".").resolve("out.txt").toString(), story.toString());
        assertThat(out).doesNotExist();
    }

    @Test
    void reportAndCacheFoldersThatAreFilesAreRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("reports"), "not a folder");
        assertRefused("--report-dir " + file + ": is a file, not a folder", "check", "--report-dir", file.toString(),
                story.toString());
        assertRefused("--cache " + file + ": is a file, not a folder", "check", "--no-report", "--cache", file.toString(),
                story.toString());
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndADeviceDirectly() throws Exception {
        Path target = Files.writeString(Files.createDirectories(dir.resolve("kept")).resolve("report.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("latest.json"), target);
        CliRun run = CliRun.of("check", "-f", "json", "-o", link.toString(), "-f", "sarif", "-o", "/dev/null",
                story.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.FAILED_GATE);
        assertThat(Files.isSymbolicLink(link)).as("the link is still a link").isTrue();
        assertThat(Files.readString(target)).contains("\"schemaVersion\"");
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).as("/dev/null still a device").isFalse();
        try (var left = Files.list(dir.resolve("kept"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("report.json");
        }
    }

    @Test
    void aWriteErrorOnStandardOutputIsAnError() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.calque.cli.Main",
                "check", "--no-report", "--no-stock", "-f", "json", story.toString())
                .redirectOutput(new java.io.File("/dev/full")).redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(p.exitValue()).as(err).isEqualTo(Main.USAGE);
        assertThat(err).contains("calque: standard output: write failed");
    }
}
