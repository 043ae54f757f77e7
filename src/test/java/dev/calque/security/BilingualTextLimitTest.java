package dev.calque.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calque.cli.CliRun;
import dev.calque.ingest.bilingual.BilingualFileException;
import dev.calque.ingest.bilingual.BilingualReader;
import dev.calque.ingest.bilingual.BilingualSniffer;
import dev.calque.model.BilingualFile;
import dev.calque.model.BilingualSegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 5, for bilingual files: {@code --max-text-chars} cuts an XLIFF, TMX or bitext file the
 * way it cuts every other article, while it is read. Round five's reader took in a million-segment
 * XLIFF whole (192 s, 914 MB) and refused a TMX whose one segment was over the limit. The files here
 * are generated from the seed article's real sentence pairs ({@code seed.fr-en.tsv}), repeated.
 */
class BilingualTextLimitTest {
    @TempDir
    Path dir;

    private static final int LIMIT = 3_000;

    /** The seed's sentence pairs, as (source, target). */
    private static List<String[]> pairs() throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/bilingual/seed.fr-en.tsv"))) {
            int tab = line.indexOf('\t');
            if (tab > 0) out.add(new String[] {line.substring(0, tab), line.substring(tab + 1)});
        }
        return out;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code units} units cycling through the seed's pairs, ids u1..uN, in each format; {@code tail} is appended after them. */
    private static String file(String format, int units, String tail) throws Exception {
        List<String[]> pairs = pairs();
        StringBuilder b = new StringBuilder();
        switch (format) {
            case "xlf" -> b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n")
                    .append("<file original=\"seed.txt\" source-language=\"fr\" target-language=\"en\" datatype=\"plaintext\"><body>\n");
            case "xlf2" -> b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\"")
                    .append(" srcLang=\"fr\" trgLang=\"en\">\n<file id=\"f1\">\n");
            case "tmx" -> b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"test\" creationtoolversion=\"1\"")
                    .append(" segtype=\"sentence\" o-tmf=\"none\" adminlang=\"en\" srclang=\"fr\" datatype=\"plaintext\"/><body>\n");
            default -> {
            }
        }
        for (int i = 1; i <= units; i++) {
            String[] p = pairs.get(i % pairs.size());
            switch (format) {
                case "xlf" -> b.append("<trans-unit id=\"u").append(i).append("\"><source>").append(esc(p[0])).append("</source><target>")
                        .append(esc(p[1])).append("</target></trans-unit>\n");
                case "xlf2" -> b.append("<unit id=\"u").append(i).append("\"><segment><source>").append(esc(p[0])).append("</source><target>")
                        .append(esc(p[1])).append("</target></segment></unit>\n");
                case "tmx" -> b.append("<tu tuid=\"u").append(i).append("\"><tuv xml:lang=\"fr\"><seg>").append(esc(p[0]))
                        .append("</seg></tuv><tuv xml:lang=\"en\"><seg>").append(esc(p[1])).append("</seg></tuv></tu>\n");
                default -> b.append(p[0]).append('\t').append(p[1]).append('\n');
            }
        }
        b.append(tail);
        switch (format) {
            case "xlf" -> b.append("</body></file></xliff>\n");
            case "xlf2" -> b.append("</file></xliff>\n");
            case "tmx" -> b.append("</body></tmx>\n");
            default -> {
            }
        }
        return b.toString();
    }

    private static String name(String format) {
        return format.equals("xlf2") ? "many.xlf" : "many." + format;
    }

    private static BilingualReader.Read read(String name, byte[] bytes, int limit) throws BilingualFileException {
        BilingualSniffer.Sniffed sniffed = BilingualSniffer.sniff(bytes, name);
        assertThat(sniffed).as(name).isNotNull();
        return BilingualReader.read(sniffed, bytes, "fr", "en", limit);
    }

    @Test
    void manySegmentsAreReadOnlyUpToTheLimitInEveryFormat() throws Exception {
        for (String format : List.of("xlf", "xlf2", "tmx", "tsv")) {
            byte[] bytes = file(format, 5_000, "").getBytes(StandardCharsets.UTF_8);
            BilingualReader.Read all = read(name(format), bytes, Integer.MAX_VALUE);
            BilingualReader.Read cut = read(name(format), bytes, LIMIT);
            assertThat(all.cut()).as(format).isNull();
            assertThat(all.file().segments()).as(format).hasSize(5_000);
            BilingualFile file = cut.file();
            assertThat(file.text().length()).as(format).isLessThanOrEqualTo(LIMIT).isGreaterThan(LIMIT * 9 / 10);
            // the same text as the one cut gives the whole file's text, at a word
            String whole = all.file().text();
            assertThat(whole).as(format).startsWith(file.text());
            assertThat(whole.charAt(file.text().length())).as(format).matches(Character::isWhitespace);
            int n = file.segments().size();
            assertThat(cut.cut().segmentId()).as(format).isEqualTo(all.file().segments().get(n - 1).id());
            assertThat(cut.cut().charsRead()).as(format).isGreaterThan(LIMIT);
            // the whole segments before the cut are as read; the last one is cut on both sides, in proportion
            assertThat(file.segments().subList(0, n - 1)).as(format).isEqualTo(all.file().segments().subList(0, n - 1));
            BilingualSegment last = file.segments().get(n - 1);
            BilingualSegment whole1 = all.file().segments().get(n - 1);
            if (!last.equals(whole1)) {
                assertThat(whole1.target()).startsWith(last.target());
                assertThat(whole1.source()).startsWith(last.source());
                double kept = (double) last.target().length() / whole1.target().length();
                assertThat((double) last.source().length() / whole1.source().length()).as(format).isCloseTo(kept,
                        org.assertj.core.data.Offset.offset(0.1));
            }
        }
    }

    @Test
    void whatLiesAfterTheLimitIsNeverRead() throws Exception {
        // damage after the limit: a reader that pulled the whole file would refuse it. Not XLIFF 1.2: Okapi's
        // XLIFF filter makes a first pass over the whole file for ITS stand-off annotations before its first
        // event (unconditionally in 1.47.0), so damage anywhere is refused there
        byte[] xlf = file("xlf", 2_000, "<broken></unit>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read("many.xlf", xlf, LIMIT)).isInstanceOf(BilingualFileException.class);
        for (String format : List.of("xlf2", "tmx", "tsv")) {
            String tail = format.equals("tsv") ? "a line without a tab\n" : "<broken></unit></tu>";
            byte[] bytes = file(format, 2_000, tail).getBytes(StandardCharsets.UTF_8);
            if (!format.equals("tsv")) {
                assertThatThrownBy(() -> read(name(format), bytes, Integer.MAX_VALUE)).as(format)
                        .isInstanceOf(BilingualFileException.class);
            } else {
                assertThat(read(name(format), bytes, Integer.MAX_VALUE).file().skipped()).containsExactly("2001");
            }
            BilingualReader.Read cut = read(name(format), bytes, LIMIT);
            assertThat(cut.cut()).as(format).isNotNull();
            assertThat(cut.file().skipped()).as(format).isEmpty();
        }
    }

    @Test
    void aSingleSegmentOverTheLimitIsCutOnBothSides() throws Exception {
        List<String[]> pairs = pairs();
        StringBuilder src = new StringBuilder();
        StringBuilder trg = new StringBuilder();
        for (int i = 0; trg.length() < 200_000; i++) { // past the sniffer's first look of 64 KB, on both sides
            src.append(pairs.get(i % pairs.size())[0]).append(' ');
            trg.append(pairs.get(i % pairs.size())[1]).append(' ');
        }
        String tmx = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"test\" creationtoolversion=\"1\""
                + " segtype=\"paragraph\" o-tmf=\"none\" adminlang=\"en\" srclang=\"fr\" datatype=\"plaintext\"/><body>\n"
                + "<tu tuid=\"big\"><tuv xml:lang=\"fr\"><seg>" + esc(src.toString().strip()) + "</seg></tuv><tuv xml:lang=\"en\"><seg>"
                + esc(trg.toString().strip()) + "</seg></tuv></tu>\n</body></tmx>\n";
        String tsv = src.toString().strip() + "\t" + trg.toString().strip() + "\n";
        for (String[] f : List.of(new String[] {"big.tmx", tmx}, new String[] {"big.tsv", tsv})) {
            BilingualReader.Read read = read(f[0], f[1].getBytes(StandardCharsets.UTF_8), LIMIT);
            assertThat(read.file().segments()).as(f[0]).hasSize(1);
            BilingualSegment s = read.file().segments().get(0);
            assertThat(s.target().length()).as(f[0]).isLessThanOrEqualTo(LIMIT).isGreaterThan(LIMIT * 9 / 10);
            assertThat(trg.toString()).startsWith(s.target());
            assertThat(src.toString()).startsWith(s.source());
            // the original beside it is cut to the same share, not left at 200,000 characters
            assertThat(s.source().length()).as(f[0]).isBetween(LIMIT * src.length() / trg.length() * 9 / 10,
                    LIMIT * src.length() / trg.length() * 11 / 10);
            assertThat(read.cut().charsRead()).as(f[0]).isEqualTo(trg.toString().strip().length());
        }
    }

    @Test
    void theCheckReportsTheCutOnceAndItsFindingsStayInside() throws Exception {
        for (String format : List.of("xlf", "tmx", "tsv")) {
            Path input = Files.writeString(dir.resolve(format + "-" + name(format)), file(format, 3_000, ""));
            Path out = dir.resolve(format + ".json");
            CliRun run = CliRun.of("check", "--no-stock", "--max-text-chars", Integer.toString(LIMIT), "-f", "json",
                    "-o", out.toString(), input.toString());
            assertThat(run.err()).as(format).doesNotContain("Exception");
            List<String> lines = run.err().lines().filter(l -> l.contains("--max-text-chars")).toList();
            assertThat(lines).as(run.err()).singleElement().asString().startsWith("calque: " + input + ": ")
                    .contains("over the limit of 3,000").contains("not read");
            assertThat(run.exit()).isEqualTo(dev.calque.cli.Main.UNREADABLE_INPUT);
            JsonNode report = new ObjectMapper().readTree(out.toFile());
            assertThat(report.get("articles")).as(run.err()).hasSize(1);
            JsonNode article = report.get("articles").get(0);
            assertThat(article.get("note").asText()).contains("size limit");
            assertThat(report.get("unreadable")).singleElement()
                    .satisfies(u -> assertThat(u.get("reason").asText()).contains("--max-text-chars"));
            JsonNode findings = article.get("findings");
            assertThat(findings.size()).as(format).isPositive();
            Set<String> ids = new HashSet<>();
            for (JsonNode f : findings) {
                assertThat(f.get("end").asInt()).isLessThanOrEqualTo(LIMIT);
                ids.add(f.get("segmentId").asText());
            }
            // the seed's pairs repeat every few units: findings are on the first units only, none past the cut
            int last = ids.stream().mapToInt(id -> Integer.parseInt(id.replaceAll("\\D", "").isEmpty() ? "0"
                    : id.replaceAll("\\D", ""))).max().orElseThrow();
            assertThat(last).as(format + " " + ids).isLessThan(200);
        }
    }
}
