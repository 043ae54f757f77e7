package dev.calque.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tika would run tesseract, ImageMagick, ffmpeg, exiftool or sox on untrusted files when a machine
 * has them. With fake ones first on PATH that leave a mark when run, Calque reads an image, a
 * scanned-looking PDF and a sound file and not one of them is started.
 */
class NoExternalProgramTest {
    @TempDir
    Path dir;

    @Test
    void noProgramOnPathIsEverStarted() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path marks = Files.createDirectories(dir.resolve("marks"));
        for (String tool : List.of("tesseract", "ffmpeg", "ffprobe", "exiftool", "sox", "convert", "magick", "gdalinfo",
                "strings", "file", "unrar", "readpst", "dwgread", "mutool")) {
            Path f = bin.resolve(tool);
            Files.writeString(f, "#!/bin/sh\necho \"$0 $*\" > '" + marks + "/" + tool + "'\necho 'tesseract 5.3.0'\n");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path in = Files.createDirectories(dir.resolve("in"));
        BufferedImage img = new BufferedImage(320, 80, BufferedImage.TYPE_INT_RGB);
        img.getGraphics().drawString("Vladimir Poutine said so.", 10, 40);
        ImageIO.write(img, "png", in.resolve("scan.png").toFile());
        ImageIO.write(img, "jpg", in.resolve("photo.jpg").toFile());
        dev.calque.ingest.HostileFiles.scannedPdf(in);
        Files.write(in.resolve("sound.wav"), wav());
        Files.copy(dev.calque.ingest.Fixtures.SEED, in.resolve("story.txt"));
        dev.calque.ingest.Fixtures.docx(in); // read by Tika: its configuration works without those parsers

        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.calque.cli.Main",
                "check", "--no-report", "--format", "json", "-o", dir.resolve("out.json").toString(), in.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("TESSDATA_PREFIX", bin.toString());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("log.txt"))).isEqualTo(Main.UNREADABLE_INPUT);
        try (var left = Files.list(marks)) {
            assertThat(left.map(f -> f.getFileName().toString())).as("programs started").isEmpty();
        }
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("out.json").toFile());
        assertThat(report.get("articles").findValuesAsText("source")).anyMatch(s -> s.endsWith("seed.docx"))
                .anyMatch(s -> s.endsWith("story.txt"));
    }

    /** A second of silence as 8-bit mono WAV. */
    private static byte[] wav() {
        int n = 8000;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + n).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(8000).putInt(8000).putShort((short) 1).putShort((short) 8)
                .put("data".getBytes()).putInt(n);
        for (int i = 0; i < n; i++) b.put((byte) 128);
        return b.array();
    }
}
