package dev.calque.ingest;

import dev.calque.model.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs Calque's reader over a folder of feeds and prints, for each file, what a user would get: read with N
 * items, read but no item with text, or refused with its one-line reason; then the totals per format and,
 * given the corpus manifest, per kind (real feeds, the suites' unit feeds, feeds meant to be invalid).
 * Used to measure the real-feed corpus (docs/extraction.md, "Real feeds"):
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) dev.calque.ingest.FeedCorpusHarness DIR [MANIFEST]</pre>
 *
 * <p>It also counts the items and words read, and the paragraphs of item bodies that the reading leaves out as
 * furniture, by rule (rules named "kept:..." are told and not left out: paragraphs that recur in a feed below the
 * thresholds of {@link FeedFurniture}); with {@code -Dcalque.dropped=true} each is listed ("DROP rule | file |
 * text"), to be checked by eye on a half that is tuned on.
 */
public final class FeedCorpusHarness {
    private static final Pattern RSS = Pattern.compile("<rss[^>]*?version\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern JAVA_TEXT = Pattern.compile("Exception|\\bjava\\.|\\borg\\.|\\bcom\\.|\\tat |null");

    private FeedCorpusHarness() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Map<String, String> kinds = args.length > 1 ? kinds(Path.of(args[1])) : Map.of();
        DocumentReader reader = new DocumentReader(IngestLimits.DEFAULT);
        Map<String, int[]> byFormat = new TreeMap<>();
        Map<String, int[]> byKind = new TreeMap<>();
        int javaText = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        boolean list = Boolean.getBoolean("calque.dropped");
        Map<String, Integer> drops = new TreeMap<>();
        String[] current = {""};
        MainText.dropped = (rule, text) -> {
            drops.merge(rule, 1, Integer::sum);
            if (list) System.out.println("DROP " + rule + " | " + current[0] + " | " + text);
        };
        int feedsRead = 0;
        int itemsRead = 0;
        long words = 0;
        long total = 0;
        long slowest = -1;
        String slowestName = "";
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            long start = System.nanoTime();
            String name = f.getFileName().toString();
            current[0] = name;
            String format = format(bytes);
            String kind = kinds.getOrDefault(name, "?");
            int outcome;
            String line;
            try {
                List<Article> items = reader.read(bytes, name, f.toString(), f.toString(), null);
                outcome = 0;
                int w = 0;
                for (Article a : items) w += dev.calque.model.Texts.wordCount(a.text());
                if (items.get(0).mediaType().equals("application/rss+xml")) {
                    feedsRead++;
                    itemsRead += items.size();
                    words += w;
                }
                line = "read      " + items.size() + " items, " + w + " words";
            } catch (DocumentReader.Unreadable e) {
                String reason = e.getMessage();
                boolean empty = reason.startsWith("the feed has no items with text");
                outcome = empty ? 1 : 2;
                line = (empty ? "no items  " : "refused   ") + reason;
                if (reason.contains("\n") || JAVA_TEXT.matcher(reason).find()) {
                    javaText++;
                    line += "   <-- not a plain one-line reason";
                }
            } catch (RuntimeException e) {
                outcome = 2;
                javaText++;
                line = "CRASH     " + e;
            }
            long took = System.nanoTime() - start;
            total += took;
            if (took > slowest) {
                slowest = took;
                slowestName = name + " (" + bytes.length + " bytes)";
            }
            System.out.printf("%-9s %-22s %-56s %s%n", kind, format, name, line);
            byFormat.computeIfAbsent(format, k -> new int[3])[outcome]++;
            byKind.computeIfAbsent(kind, k -> new int[3])[outcome]++;
        }
        System.out.println();
        System.out.println("format                  files  read  no-items  refused");
        print(byFormat);
        System.out.println();
        System.out.println("kind                    files  read  no-items  refused");
        print(byKind);
        System.out.println();
        System.out.println("feeds read: " + feedsRead + ", items: " + itemsRead + ", words: " + words);
        Map<String, Integer> left = new TreeMap<>(), kept = new TreeMap<>();
        drops.forEach((rule, n) -> (rule.startsWith("kept:") ? kept : left).put(rule, n));
        System.out.println("paragraphs of item bodies left out, by rule: " + left);
        System.out.println("told to a tuner but kept (recurring below the thresholds, or all an item says): " + kept);
        System.out.println("reasons that are not a plain line (Java text, several lines): " + javaText);
        System.out.printf("reading time: %d ms in all, slowest %d ms: %s (first file includes warm-up)%n",
                total / 1_000_000, slowest / 1_000_000, slowestName);
    }

    private static void print(Map<String, int[]> counts) {
        int[] all = new int[3];
        counts.forEach((k, c) -> {
            System.out.printf("%-22s %6d %5d %9d %8d%n", k, c[0] + c[1] + c[2], c[0], c[1], c[2]);
            for (int i = 0; i < 3; i++) all[i] += c[i];
        });
        System.out.printf("%-22s %6d %5d %9d %8d%n", "all", all[0] + all[1] + all[2], all[0], all[1], all[2]);
    }

    private static Map<String, String> kinds(Path manifest) throws IOException {
        Map<String, String> kinds = new TreeMap<>();
        List<String> rows = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        int kind = rows.isEmpty() ? -1 : List.of(rows.get(0).split("\t")).indexOf("kind");
        for (String row : rows) {
            String[] cols = row.split("\t");
            if (kind >= 0 && cols.length > kind && !cols[0].equals("SKIPPED")) kinds.put(cols[0], cols[kind]);
        }
        return kinds;
    }

    /** The feed's format as its root says it (for the report only; Calque does not branch on it). */
    static String format(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.ISO_8859_1);
        if (head.stripLeading().startsWith("{")) {
            return head.contains("jsonfeed.org/version/1.1") ? "JSON Feed 1.1" : head.contains("jsonfeed.org/version/1") ? "JSON Feed 1.0" : "JSON";
        }
        Matcher rss = RSS.matcher(head);
        if (rss.find()) return "RSS " + (rss.group(1).isEmpty() ? "(no version)" : rss.group(1));
        if (head.contains("<rss")) return "RSS (no version)";
        if (head.contains("my.netscape.com/rdf/simple/0.9")) return "RSS 0.90";
        if (head.contains("RDF") && head.contains("purl.org/rss/1.0")) return "RSS 1.0";
        if (head.contains("purl.org/atom/ns#")) return "Atom 0.3";
        if (head.contains("www.w3.org/2005/Atom") && head.matches("(?s).*<(\\w+:)?feed[\\s>].*")) return "Atom 1.0";
        if (head.contains("<feed")) return "Atom (no namespace)";
        return "other";
    }
}
