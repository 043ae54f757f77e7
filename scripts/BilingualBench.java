import dev.calque.bilingual.BilingualArticle;
import dev.calque.bilingual.Original;
import dev.calque.check.Checker;
import dev.calque.model.Article;
import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;

/**
 * Bilingual check cost against monolingual: the same articles checked alone and beside their originals,
 * in one JVM with one checker, the order alternating, three rounds after a warm-up, thread CPU time.
 * Run from the project folder after mvn package:
 * {@code java -cp "target/calque.jar:target/lib/*" scripts/BilingualBench.java TARGET_DIR SOURCE_DIR}
 * (the original of TARGET_DIR/x.txt is SOURCE_DIR/x.fr.txt).
 */
public class BilingualBench {
    public static void main(String[] a) throws Exception {
        Path tgt = Path.of(a[0]), src = Path.of(a[1]);
        List<Article> arts = new ArrayList<>();
        List<Original> origs = new ArrayList<>();
        try (var s = Files.list(tgt)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString().replace(".txt", ".fr.txt");
                arts.add(Article.ofText(p.toString(), Files.readString(p)));
                origs.add(Original.of(name, "fr", Files.readString(src.resolve(name))));
            }
        }
        Checker c = Checker.builder().rules(Path.of("rules")).source("fr").build();
        var mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < arts.size(); i++) { c.check(arts.get(i), Duration.ofMinutes(5)); c.check(BilingualArticle.of(arts.get(i), origs.get(i)), Duration.ofMinutes(5)); }
        List<Double> ratios = new ArrayList<>();
        long monoT = 0, biT = 0;
        for (int round = 0; round < 3; round++) {
            long m = 0, b = 0;
            for (int i = 0; i < arts.size(); i++) {
                boolean monoFirst = (i + round) % 2 == 0; // neither order gets the other's warm caches every time
                for (int k = 0; k < 2; k++) {
                    boolean mono = (k == 0) == monoFirst;
                    long t0 = mx.getCurrentThreadCpuTime();
                    if (mono) c.check(arts.get(i), Duration.ofMinutes(5));
                    else c.check(BilingualArticle.of(arts.get(i), origs.get(i)), Duration.ofMinutes(5));
                    long t = mx.getCurrentThreadCpuTime() - t0;
                    if (mono) m += t; else b += t;
                }
            }
            monoT += m; biT += b;
            ratios.add((double) b / m);
            System.out.printf(Locale.ROOT, "round %d: monolingual %.2f s, bilingual %.2f s CPU, ratio %.3f%n", round + 1, m / 1e9, b / 1e9, (double) b / m);
        }
        System.out.printf(Locale.ROOT, "total: monolingual %.2f s, bilingual %.2f s, ratio %.3f (%d articles)%n", monoT / 1e9, biT / 1e9, (double) biT / monoT, arts.size());
    }
}
