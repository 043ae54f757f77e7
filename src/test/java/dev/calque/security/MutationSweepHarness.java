package dev.calque.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.ingest.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A mutation sweep over the small fixtures (not a unit test: it runs for minutes and prints a table):
 * each fixture and {@value #MUTANTS} seeded mutants of it (truncations, byte flips, NUL, 0xFF and BOMs
 * inserted, a duplicated middle, lines of 5 MB, a closing tag deleted; inside the XML part for zip
 * formats) go into one folder, checked by one {@code calque check -f json -o OUT} run in its own JVM.
 * A run that shows a defect (an exit code outside 0-3, a hang, invalid JSON, library noise on stderr,
 * more than one line for an input) is run again file by file to name the files. Round five, docs/security.md:
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) dev.calque.security.MutationSweepHarness WORKDIR [FIXTURE-FILTER]</pre>
 */
public final class MutationSweepHarness {
    static final int MUTANTS = 20;
    private static final Pattern NOISE = Pattern.compile("Exception|\\bat org\\.|\\bat java\\.|SLF4J|WARN|ERROR|OutOfMemory");
    private static final List<String> KINDS = List.of("cut-a", "cut-b", "cut-c", "cut-d", "flip-1", "flip-8", "flip-64",
            "flip-512", "nul", "nul-64", "ff", "bom16le-start", "bom8-start", "bom8-middle", "bom16be-start", "dup-middle",
            "line5mb-letters", "line5mb-words", "no-close-tag", "no-close-tags-nul");

    private MutationSweepHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args[0]));
        String filter = args.length > 1 ? args[1] : "";
        List<Path> fixtures = fixtures(Files.createDirectories(work.resolve("generated")));
        System.out.printf("%-44s %7s %6s %6s %5s %5s  %s%n", "fixture", "mutants", "exits", "secs", "read", "refus", "defects");
        int files = 0, defective = 0;
        Map<String, Integer> classes = new TreeMap<>();
        for (Path f : fixtures) {
            if (!f.toString().contains(filter)) continue;
            String name = f.getFileName().toString();
            Path dir = work.resolve("sweep").resolve(name.replaceAll("[^A-Za-z0-9.]", "_"));
            deleteTree(dir);
            Files.createDirectories(dir);
            byte[] original = Files.readAllBytes(f);
            Files.write(dir.resolve("m00-original-" + name), original);
            Random rnd = new Random(42L ^ name.hashCode());
            for (int i = 0; i < MUTANTS; i++) {
                String kind = KINDS.get(i);
                Files.write(dir.resolve(String.format("m%02d-%s-%s", i + 1, kind, name)), mutate(original, kind, rnd, name));
            }
            files += MUTANTS + 1;
            Run all = run(dir, List.of(dir), work.resolve("out-" + dir.getFileName() + ".json"));
            List<String> defects = new ArrayList<>(all.defects());
            if (!defects.isEmpty()) {
                defects.clear();
                List<Path> inputs;
                try (Stream<Path> s = Files.list(dir)) {
                    inputs = s.sorted().toList();
                }
                for (Path in : inputs) {
                    Run one = run(dir, List.of(in), work.resolve("out-one.json"));
                    for (String d : one.defects()) {
                        defects.add(in.getFileName() + ": " + d);
                        classes.merge(d.replaceAll(":.*", ""), 1, Integer::sum);
                    }
                    if (!one.defects().isEmpty()) defective++;
                }
            }
            System.out.printf("%-44s %7d %6s %6.1f %5d %5d  %s%n", name, MUTANTS, all.exits(), all.seconds(), all.read(),
                    all.refused(), defects.isEmpty() ? "-" : String.join("; ", defects));
        }
        System.out.printf("%d files (fixtures and mutants), %d with a defect; by kind: %s%n", files, defective, classes);
    }

    /** What one run showed. */
    record Run(String exits, double seconds, int read, int refused, List<String> defects) {
    }

    private static Run run(Path dir, List<Path> inputs, Path out) throws Exception {
        Files.deleteIfExists(out);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.calque.cli.Main",
                "check", "--no-report", "-f", "json", "-o", out.toString(), "--timeout", "30", "--max-text-chars", "50000"));
        for (Path p : inputs) cmd.add(p.toString());
        Path err = dir.getParent().resolve("stderr.txt");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        boolean ended = p.waitFor(inputs.size() == 1 && !Files.isDirectory(inputs.get(0)) ? 120 : 300, TimeUnit.SECONDS);
        double secs = (System.nanoTime() - t0) / 1e9;
        List<String> defects = new ArrayList<>();
        if (!ended) {
            p.destroyForcibly().waitFor();
            defects.add("hang: no end within the harness limit");
        }
        int exit = ended ? p.exitValue() : -1;
        if (ended && (exit < 0 || exit > 3)) defects.add("exit " + exit);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Matcher noise = NOISE.matcher(stderr);
        if (noise.find()) {
            String line = stderr.lines().filter(l -> NOISE.matcher(l).find()).findFirst().orElse("");
            defects.add("noise: " + line.substring(0, Math.min(160, line.length())));
        }
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.list(in)) {
                    s.forEach(files::add);
                }
            } else {
                files.add(in);
            }
        }
        stderr.lines().filter(l -> l.length() > 600).findFirst()
                .ifPresent(l -> defects.add("long-line: a stderr line of " + l.length() + " characters"));
        for (Path f : files) {
            String n = f.getFileName().toString();
            long lines = stderr.lines().filter(l -> l.contains(n)).count();
            if (lines > 1) defects.add("lines: " + lines + " lines for " + n);
        }
        int read = 0, refused = 0;
        if (ended) {
            try {
                JsonNode report = new ObjectMapper().readTree(out.toFile());
                read = report.get("articles").size();
                refused = report.get("unreadable").size();
                for (JsonNode u : report.get("unreadable")) {
                    if (u.get("reason").asText().length() > 600) {
                        defects.add("long-line: a reason of " + u.get("reason").asText().length() + " characters");
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                defects.add("json: " + e.getClass().getSimpleName());
            }
        }
        return new Run(String.valueOf(exit), secs, read, refused, defects);
    }

    // ---- the fixtures and their mutants

    static List<Path> fixtures(Path gen) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String f : new String[] {
                "articles/000_5323ff96fa5a9330.html", "articles/000_5323ff96fa5a9330.txt",
                "bilingual/seed.fr-en.tsv", "bilingual/seed.fr-en.xlf", "bilingual/okapi-RB-12-Test02.xlf",
                "bilingual/seed.fr-en.tmx", "bilingual/okapi-tmxtest-attributes.tmx",
                "feeds/wire.rss", "feeds/wire.atom", "feeds/real/feed-rs-spiegel.rss",
                "feeds/real/rome-atom_1.0_bray.xml", "feeds/suites/gofeed-version_json_10.json",
                "hostile/windows-1252.txt", "hostile/utf16le-bom.txt"}) {
            out.add(Path.of("src/test/resources", f));
        }
        out.add(Fixtures.docx(Files.createDirectories(gen.resolve("docx"))));
        out.add(Fixtures.odt(Files.createDirectories(gen.resolve("odt"))));
        out.add(Fixtures.pdf(Files.createDirectories(gen.resolve("pdf"))));
        out.add(Fixtures.rtf(Files.createDirectories(gen.resolve("rtf"))));
        out.add(epub(gen.resolve("seed.epub")));
        return out;
    }

    /** The seed article as a one-chapter EPUB. */
    private static Path epub(Path p) throws IOException {
        StringBuilder body = new StringBuilder();
        for (String para : Fixtures.seedParagraphs()) {
            body.append("<p>").append(para.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("META-INF/container.xml", ("<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:names:tc:"
                + "opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"OEBPS/content.opf\" media-type=\""
                + "application/oebps-package+xml\"/></rootfiles></container>").getBytes(StandardCharsets.UTF_8));
        parts.put("OEBPS/content.opf", ("<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"2.0\""
                + " unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Seed</dc:title>"
                + "</metadata><manifest><item id=\"c1\" href=\"c1.xhtml\" media-type=\"application/xhtml+xml\"/></manifest>"
                + "<spine><itemref idref=\"c1\"/></spine></package>").getBytes(StandardCharsets.UTF_8));
        parts.put("OEBPS/c1.xhtml", ("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Seed"
                + "</title></head><body>\n" + body + "</body></html>").getBytes(StandardCharsets.UTF_8));
        Files.write(p, zip(parts, "application/epub+zip"));
        return p;
    }

    static byte[] mutate(byte[] b, String kind, Random rnd, String name) throws IOException {
        boolean zipped = b.length > 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        if (zipped && kind.startsWith("no-close")) return insideZip(b, part -> mutate(part, kind, rnd, name));
        int at = b.length == 0 ? 0 : rnd.nextInt(b.length);
        return switch (kind) {
            case "cut-a", "cut-b", "cut-c", "cut-d" -> Arrays.copyOf(b, at);
            case "dup-chunk" -> {
                // a sixteenth of the file, from a random place, inserted again at another
                int len = Math.max(1, b.length / 16), from = b.length <= len ? 0 : rnd.nextInt(b.length - len);
                yield insert(b, b.length == 0 ? 0 : rnd.nextInt(b.length), Arrays.copyOfRange(b, from, Math.min(b.length, from + len)));
            }
            case "flip-1", "flip-8", "flip-64", "flip-512" -> {
                byte[] c = b.clone();
                int n = Integer.parseInt(kind.substring(5));
                for (int i = 0; i < n && c.length > 0; i++) c[rnd.nextInt(c.length)] ^= (byte) (1 + rnd.nextInt(255));
                yield c;
            }
            case "nul" -> insert(b, at, new byte[] {0});
            case "nul-64" -> {
                byte[] c = b;
                for (int i = 0; i < 64; i++) c = insert(c, rnd.nextInt(c.length + 1), new byte[] {0});
                yield c;
            }
            case "ff" -> insert(b, at, new byte[] {(byte) 0xFF});
            case "bom16le-start" -> insert(b, 0, new byte[] {(byte) 0xFF, (byte) 0xFE});
            case "bom16be-start" -> insert(b, 0, new byte[] {(byte) 0xFE, (byte) 0xFF});
            case "bom8-start" -> insert(b, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            case "bom8-middle" -> insert(b, b.length / 2, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            case "dup-middle" -> insert(b, 2 * b.length / 3, Arrays.copyOfRange(b, b.length / 3, 2 * b.length / 3));
            case "line5mb-letters" -> insert(b, at, "a".repeat(5 << 20).getBytes(StandardCharsets.US_ASCII));
            case "line5mb-words" -> insert(b, at, "word ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII));
            case "no-close-tag" -> deleteClosingTags(b, 1, rnd);
            case "no-close-tags-nul" -> {
                byte[] c = deleteClosingTags(b, 2, rnd);
                yield insert(c, c.length == 0 ? 0 : rnd.nextInt(c.length), new byte[] {0});
            }
            default -> {
                if (!kind.startsWith("cut16-")) throw new IllegalArgumentException(kind);
                yield Arrays.copyOf(b, (int) ((long) b.length * Integer.parseInt(kind.substring(6)) / 16)); // cut at k/16
            }
        };
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] c = new byte[b.length + what.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(what, 0, c, at, what.length);
        System.arraycopy(b, at, c, at + what.length, b.length - at);
        return c;
    }

    /** Deletes {@code n} random closing tags ({@code </x>}); where there are none, a tab or a line break. */
    private static byte[] deleteClosingTags(byte[] b, int n, Random rnd) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        for (int k = 0; k < n; k++) {
            List<int[]> spans = new ArrayList<>();
            Matcher m = Pattern.compile("</[^>]{1,64}>").matcher(s);
            while (m.find()) spans.add(new int[] {m.start(), m.end()});
            if (spans.isEmpty()) {
                m = Pattern.compile("[\t\n]").matcher(s);
                while (m.find()) spans.add(new int[] {m.start(), m.end()});
            }
            if (spans.isEmpty()) break;
            int[] sp = spans.get(rnd.nextInt(spans.size()));
            s = s.substring(0, sp[0]) + s.substring(sp[1]);
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    interface PartMutation {
        byte[] apply(byte[] part) throws IOException;
    }

    /** The zip with its largest XML part mutated, re-zipped (a DOCX, ODT or EPUB whose markup is broken). */
    private static byte[] insideZip(byte[] zip, PartMutation m) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) parts.put(e.getName(), z.readAllBytes());
        }
        String largest = parts.entrySet().stream().filter(e -> e.getKey().matches(".*\\.(xml|xhtml)"))
                .max(java.util.Comparator.comparingInt(e -> e.getValue().length)).map(Map.Entry::getKey).orElse(null);
        if (largest != null) parts.put(largest, m.apply(parts.get(largest)));
        byte[] mimetype = parts.remove("mimetype");
        return zip(parts, mimetype == null ? null : new String(mimetype, StandardCharsets.US_ASCII));
    }

    /** A zip of parts, with an uncompressed first {@code mimetype} entry when one is given (ODF, EPUB). */
    static byte[] zip(Map<String, byte[]> parts, String mimetype) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            if (mimetype != null) {
                byte[] b = mimetype.getBytes(StandardCharsets.US_ASCII);
                ZipEntry e = new ZipEntry("mimetype");
                e.setMethod(ZipEntry.STORED);
                e.setSize(b.length);
                CRC32 crc = new CRC32();
                crc.update(b);
                e.setCrc(crc.getValue());
                z.putNextEntry(e);
                z.write(b);
                z.closeEntry();
            }
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                z.putNextEntry(new ZipEntry(part.getKey()));
                z.write(part.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
