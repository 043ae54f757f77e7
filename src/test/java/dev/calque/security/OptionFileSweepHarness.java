package dev.calque.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Round eight's mutation sweep of the files Calque reads beside the articles, each given by its option (not a
 * unit test: it runs for minutes and prints a table): an XML and a YAML rule file ({@code --rules}, alone,
 * {@code --no-bundled-rules}), a TSV and a TBX glossary ({@code --glossary}), {@code calque.yml}
 * ({@code --config}, in a copy of its folder) and a suppressions file ({@code --suppressions}); and, with
 * {@code documents}, the article fixtures of {@link MutationSweepHarness} cut at every sixteenth. Each mutant
 * (truncated at every 1/16, bytes flipped, NUL, 0xFF, a UTF-16 BOM, a sixteenth duplicated, a 5 MB line of
 * words) is one run of {@code calque check} on the seed's bitext. A defect: an exit outside 0-3, no end within
 * 120 s, a library's or Java's words on stderr, more than one line naming the file, a line over 600 characters.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) dev.calque.security.OptionFileSweepHarness WORKDIR [documents]</pre>
 */
public final class OptionFileSweepHarness {
    private static final Pattern NOISE = Pattern.compile("Exception|\\bat (org|java|com)\\.|\\b(org|com|java|javax)\\.[a-z]+\\.|SLF4J|WARN|ERROR|OutOfMemory|Caused by");
    private static final List<String> KINDS = new ArrayList<>();

    static {
        for (int k = 1; k < 16; k++) KINDS.add("cut16-" + k);
        KINDS.addAll(List.of("flip-1", "flip-8", "flip-64", "nul", "ff", "bom16le-start", "dup-chunk", "line5mb-words"));
        // round nine: what saving, copying and downloading do to a settings file
        KINDS.addAll(List.of("utf16le-bom-whole", "utf16be-nobom", "gzip", "cut-in-utf8", "crlf-to-lf", "lf-to-crlf",
                "nest-100k", "attr-10mb"));
    }

    private OptionFileSweepHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args[0]));
        Path seed = Path.of("src/test/resources/bilingual/seed.fr-en.tsv").toAbsolutePath();
        if (args.length > 1 && args[1].equals("documents")) {
            documents(work);
            return;
        }
        String[][] fixtures = {
                {"rules/fr-en/calques.xml", "--rules"}, {"rules/fr-en/typography.yml", "--rules"},
                {"src/test/resources/bilingual/glossary.fr-en.tsv", "--glossary"},
                {"src/test/resources/bilingual/glossary.fr-en.tbx", "--glossary"},
                {"docs/examples/calque.yml", "--config"}, {"docs/examples/calque-suppressions.yml", "--suppressions"}};
        System.out.printf("%-32s %-16s %5s %6s  %s%n", "fixture", "mutant", "exit", "secs", "defects / first line");
        int runs = 0, defective = 0;
        for (String[] f : fixtures) {
            Path file = Path.of(f[0]);
            byte[] original = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            Random rnd = new Random(8L ^ name.hashCode());
            List<String> kinds = new ArrayList<>(List.of("original"));
            kinds.addAll(KINDS);
            for (String kind : kinds) {
                Path dir = Files.createDirectories(work.resolve(name + "-" + kind));
                Path mutant = dir.resolve(name);
                Files.write(mutant, kind.equals("original") ? original : MutationSweepHarness.mutate(original, kind, rnd, name));
                List<String> cmd = new ArrayList<>(List.of("check", "--no-report", "--no-stock", "--threads", "1",
                        "-f", "json", "-o", dir.resolve("out.json").toString(), "--timeout", "30"));
                switch (f[1]) {
                    case "--rules" -> cmd.addAll(List.of("--no-bundled-rules", "--rules", dir.toString()));
                    case "--config" -> {
                        Files.copy(Path.of("docs/examples/calque-suppressions.yml"), dir.resolve("calque-suppressions.yml"),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        cmd.addAll(List.of("--config", mutant.toString()));
                    }
                    default -> cmd.addAll(List.of(f[1], mutant.toString()));
                }
                cmd.add(seed.toString());
                String[] r = run(cmd, dir, name);
                runs++;
                if (!r[2].isEmpty()) defective++;
                System.out.printf("%-32s %-16s %5s %6s  %s%n", name, kind, r[0], r[1], r[2].isEmpty() ? "- " + r[3] : r[2]);
            }
        }
        System.out.printf("%d runs, %d with a defect%n", runs, defective);
    }

    /** The article fixtures, each folder of its sixteenth cuts and a duplicated chunk, one run per fixture. */
    private static void documents(Path work) throws Exception {
        int files = 0, defective = 0;
        for (Path f : MutationSweepHarness.fixtures(Files.createDirectories(work.resolve("generated")))) {
            String name = f.getFileName().toString();
            Path dir = Files.createDirectories(work.resolve("docs").resolve(name.replaceAll("[^A-Za-z0-9.]", "_")));
            byte[] original = Files.readAllBytes(f);
            Random rnd = new Random(16L ^ name.hashCode());
            List<String> kinds = new ArrayList<>();
            for (int k = 1; k < 16; k++) kinds.add("cut16-" + k);
            kinds.add("dup-chunk");
            for (String kind : kinds) {
                Files.write(dir.resolve(kind + "-" + name), MutationSweepHarness.mutate(original, kind, rnd, name));
            }
            List<String> cmd = new ArrayList<>(List.of("check", "--no-report", "-f", "json", "-o", work.resolve("docs-out.json").toString(),
                    "--timeout", "30", "--max-text-chars", "50000", dir.toString()));
            String[] r = run(cmd, dir, null);
            files += kinds.size();
            List<String> lines = new ArrayList<>();
            for (String kind : kinds) {
                long n = r[4].lines().filter(l -> l.contains(kind + "-" + name)).count();
                if (n > 1) lines.add(kind + ": " + n + " lines");
            }
            String defects = r[2] + (lines.isEmpty() ? "" : " " + lines);
            if (!defects.isBlank()) defective++;
            System.out.printf("%-40s %5s %6s  %s%n", name, r[0], r[1], defects.isBlank() ? "-" : defects);
        }
        System.out.printf("%d mutants, %d fixtures with a defect%n", files, defective);
    }

    /** exit, seconds, defects ("" for none), the first stderr line, the whole stderr. */
    private static String[] run(List<String> args, Path dir, String name) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.calque.cli.Main"));
        cmd.addAll(args);
        Path err = dir.resolve("stderr.txt");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        boolean ended = p.waitFor(name == null ? 400 : 120, TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly().waitFor();
        String secs = String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        List<String> defects = new ArrayList<>();
        if (!ended) defects.add("hang");
        int exit = ended ? p.exitValue() : -1;
        if (ended && (exit < 0 || exit > 3)) defects.add("exit " + exit);
        stderr.lines().filter(l -> NOISE.matcher(l).find()).findFirst()
                .ifPresent(l -> defects.add("noise: " + l.substring(0, Math.min(200, l.length()))));
        stderr.lines().filter(l -> l.length() > 600).findFirst().ifPresent(l -> defects.add("long-line " + l.length()));
        if (name != null) {
            long n = stderr.lines().filter(l -> l.contains(name)).count();
            if (n > 1) defects.add(n + " lines name the file");
        }
        String first = stderr.lines().filter(l -> l.startsWith("calque:")).findFirst().orElse("");
        return new String[] {String.valueOf(exit), secs, String.join("; ", defects),
                first.substring(0, Math.min(170, first.length())), stderr};
    }
}
