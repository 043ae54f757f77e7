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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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
    private static final Pattern NOISE = Pattern.compile(
            "Exception|\\bat (org|java|com)\\.|\\b(org|com|java|javax)\\.[a-z]+\\.|SLF4J|WARN|ERROR|OutOfMemory|Caused by");
    /** Round five's twenty, round eight's cuts at every sixteenth and duplicated chunk, round nine's real damage. */
    private static final List<String> KINDS = new ArrayList<>(List.of("cut-a", "cut-b", "cut-c", "cut-d", "flip-1", "flip-8",
            "flip-64", "flip-512", "nul", "nul-64", "ff", "bom16le-start", "bom8-start", "bom8-middle", "bom16be-start",
            "dup-middle", "line5mb-letters", "line5mb-words", "no-close-tag", "no-close-tags-nul"));

    static {
        for (int k = 1; k < 16; k++) KINDS.add("cut16-" + k);
        KINDS.addAll(List.of("dup-chunk", "gzip", "utf16le-nobom", "utf16be-nobom", "cut-in-utf8", "crlf-to-lf", "lf-to-crlf",
                "zip-in-zip", "nest-100k", "entities", "attr-10mb"));
    }

    static final int MUTANTS = KINDS.size();

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
            Path report = work.resolve("out-" + dir.getFileName() + ".json");
            Run all = run(dir, List.of(dir), report);
            reasons(report, work.resolve("reasons-" + dir.getFileName() + ".txt"));
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

    /** Each unreadable input's reason, one line each, to be read by hand (a reason naming the wrong thing). */
    private static void reasons(Path report, Path to) throws IOException {
        List<String> lines = new ArrayList<>();
        if (Files.exists(report)) {
            try {
                for (JsonNode u : new ObjectMapper().readTree(report.toFile()).get("unreadable")) {
                    lines.add(Path.of(u.get("source").asText()).getFileName() + "\t" + u.get("reason").asText());
                }
            } catch (IOException | RuntimeException e) {
                lines.add("(report not readable: " + e + ")");
            }
        }
        Files.write(to, lines, StandardCharsets.UTF_8);
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
        // a run of one unreadable file writes no report, and says so (exit 3): not a defect
        boolean nothing = ended && exit == 3 && !Files.exists(out) && stderr.contains("nothing readable to check");
        if (ended && !nothing) {
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
        if (zipped && (kind.startsWith("no-close") || INSIDE_ZIP.contains(kind))) {
            return insideZip(b, part -> mutate(part, kind, rnd, name));
        }
        if (zipped && kind.equals("zip-in-zip")) {
            // the document carrying, as one more part, a zip that holds a zip of itself
            Map<String, byte[]> parts = new LinkedHashMap<>();
            try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(b))) {
                for (ZipEntry e; (e = z.getNextEntry()) != null; ) parts.put(e.getName(), z.readAllBytes());
            }
            byte[] mimetype = parts.remove("mimetype");
            parts.put("embedded/inner.zip", zip(Map.of("inner.zip", zip(Map.of(name, b), null)), null));
            return zip(parts, mimetype == null ? null : new String(mimetype, StandardCharsets.US_ASCII));
        }
        boolean json = name.endsWith(".json");
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
            case "gzip" -> {
                // a compressed file saved under its plain name (a server's Content-Encoding kept by a download)
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (java.util.zip.GZIPOutputStream g = new java.util.zip.GZIPOutputStream(out)) {
                    g.write(b);
                }
                yield out.toByteArray();
            }
            case "utf16le-bom-whole" -> ("\uFEFF" + new String(b, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_16LE);
            case "utf16le-nobom" -> new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE);
            case "utf16be-nobom" -> new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16BE);
            case "cut-in-utf8" -> {
                // cut just after the first byte of a multi-byte UTF-8 sequence (a download or a copy stopped mid-character)
                List<Integer> leads = new ArrayList<>();
                for (int i = 0; i + 1 < b.length; i++) if ((b[i] & 0xE0) == 0xC0 || (b[i] & 0xF0) == 0xE0) leads.add(i);
                yield leads.isEmpty() ? insert(b, b.length, new byte[] {(byte) 0xE2, (byte) 0x80})
                        : Arrays.copyOf(b, leads.get(rnd.nextInt(leads.size())) + 1);
            }
            case "crlf-to-lf" -> replace(b, new byte[] {'\r', '\n'}, new byte[] {'\n'});
            case "lf-to-crlf" -> replace(b, new byte[] {'\n'}, new byte[] {'\r', '\n'});
            case "zip-in-zip" -> zip(Map.of(name + ".zip", zip(Map.of(name, b), null)), null);
            case "nest-100k" -> json ? afterFirstBrace(b, "\"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + ",")
                    : beforeClosingTag(b, rnd, "<q>".repeat(100_000) + "</q>".repeat(100_000));
            case "entities" -> json ? afterFirstBrace(b, "\"x\": \"" + "\\u00e9\\n\\\"".repeat(400_000) + "\",")
                    : beforeClosingTag(b, rnd, "&amp;&lt;&gt;&quot;&#233;&#x20AC; ".repeat(200_000));
            case "attr-10mb" -> json ? afterFirstBrace(b, "\"" + "k".repeat(10 << 20) + "\": 1,") : inStartTag(b, rnd,
                    " data-x=\"" + "a".repeat(10 << 20) + "\"");
            default -> {
                if (!kind.startsWith("cut16-")) throw new IllegalArgumentException(kind);
                yield Arrays.copyOf(b, (int) ((long) b.length * Integer.parseInt(kind.substring(6)) / 16)); // cut at k/16
            }
        };
    }

    /** The kinds that damage a zip document's largest XML part rather than the zip. */
    private static final List<String> INSIDE_ZIP = List.of("cut-in-utf8", "nest-100k", "entities", "attr-10mb");

    private static byte[] replace(byte[] b, byte[] what, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        for (int i = 0; i < b.length; ) {
            if (i + what.length <= b.length && Arrays.equals(b, i, i + what.length, what, 0, what.length)) {
                out.write(with, 0, with.length);
                i += what.length;
            } else {
                out.write(b[i++]);
            }
        }
        return out.toByteArray();
    }

    private static byte[] afterFirstBrace(byte[] b, String what) {
        int at = 0;
        while (at < b.length && b[at] != '{') at++;
        return insert(b, Math.min(b.length, at + 1), what.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code what} just before a random closing tag (inside an element), or at a random place without one. */
    private static byte[] beforeClosingTag(byte[] b, Random rnd, String what) {
        List<Integer> at = positions(b, Pattern.compile("</[A-Za-z]"), 0);
        return insert(b, at.isEmpty() ? rnd.nextInt(b.length + 1) : at.get(rnd.nextInt(at.size())),
                what.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code what} after the name of a random start tag, or at a random place without one. */
    private static byte[] inStartTag(byte[] b, Random rnd, String what) {
        List<Integer> at = positions(b, Pattern.compile("<[A-Za-z][\\w:.-]*(?=[\\s/>])"), -1);
        return insert(b, at.isEmpty() ? rnd.nextInt(b.length + 1) : at.get(rnd.nextInt(at.size())),
                what.getBytes(StandardCharsets.US_ASCII));
    }

    /** Where the pattern matches in the bytes read as Latin-1: its start, or its end when {@code end < 0}. */
    private static List<Integer> positions(byte[] b, Pattern p, int end) {
        List<Integer> out = new ArrayList<>();
        Matcher m = p.matcher(new String(b, StandardCharsets.ISO_8859_1));
        while (m.find()) out.add(end < 0 ? m.end() : m.start());
        return out;
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

    static byte[] zip(Map<String, byte[]> parts, String mimetype) throws IOException {
        return Fixtures.zip(parts, mimetype);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
