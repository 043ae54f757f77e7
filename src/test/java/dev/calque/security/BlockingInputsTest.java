package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calque.cli.CliRun;
import dev.calque.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that block or never end, given by name rather than found in a folder (the folder cases, a FIFO
 * and a link loop inside a checked folder, are {@code HostileInputTest}'s): a FIFO nobody writes to,
 * {@code /dev/zero} and {@code /dev/urandom}, a sparse file of 10 GB, and standard input that never ends.
 * Each is one line and exit 3, the seed beside them is still checked. The timeout only guards the suite
 * against a hang (before the checks it would be for ever); nothing here asserts how fast.
 */
class BlockingInputsTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void fifoDevicesAndASparseFileGivenByNameAreRefusedAndTheSeedIsChecked() throws Exception {
        Path fifo = dir.resolve("pipe.txt");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path sparse = dir.resolve("sparse.txt");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(10L << 30); // 10 GB of holes: no disk used, a reader that trusted it would try to hold it
        }
        Path seed = Files.copy(Path.of("src/test/resources/articles/000_5323ff96fa5a9330.txt"), dir.resolve("seed.txt"));
        CliRun run = CliRun.of("check", "-f", "json", "-o", dir.resolve("out.json").toString(), fifo.toString(),
                "/dev/zero", "/dev/urandom", sparse.toString(), seed.toString());
        assertThat(run.exit()).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(run.err()).contains("calque: " + fifo + ": not a regular file", "calque: /dev/zero: not a regular file",
                "calque: /dev/urandom: not a regular file", "calque: " + sparse + ": larger than the input limit of 64 MB (10240 MB)");
        assertThat(Files.readString(dir.resolve("out.json"))).contains(seed.toString());
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(Files.exists(Path.of("/dev/zero"))).isTrue();
    }

    @Test
    @Timeout(300)
    void standardInputThatNeverEndsStopsAtTheInputLimit() throws Exception {
        // an endless stream of prose: only --max-input-mb can end its reading
        byte[] line = "The talks would resume next week in Paris, the minister said.\n".getBytes(StandardCharsets.UTF_8);
        InputStream endless = new InputStream() {
            long n;

            @Override
            public int read() {
                return line[(int) (n++ % line.length)];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) b[off + i] = (byte) read();
                return len;
            }
        };
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(endless);
            exit = Main.run(new String[] {"check", "--no-report", "--max-input-mb", "2", "-f", "json", "-o",
                    dir.resolve("stdin.json").toString(), "-"});
        } finally {
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
        assertThat(exit).isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("calque: stdin: larger than the input limit of 2 MB");
    }
}
