package dev.calque.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages depend on each other one way only (ingest -> check -> score -> report, everything on
 * model), read from the sources: every {@code dev.calque.x} a file names, in an import or written
 * out in full, is an edge from the file's package.
 */
class PackageCycleTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    /** A reference to a class in a Calque package: lower-case segments, then a capitalized name. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.calque(?:\\.[a-z]\\w*)+)\\.[A-Z]");

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        Map<String, Set<String>> deps = dependencies();
        assertTrue(deps.size() > 5, "sources not found under " + SOURCES.toAbsolutePath() + ": " + deps.keySet());
        List<String> cycles = new ArrayList<>();
        for (String start : deps.keySet()) {
            List<String> path = pathBack(deps, start);
            if (path != null) cycles.add(String.join(" -> ", path));
        }
        assertEquals(List.of(), cycles, "package cycles (break them by moving the shared type to dev.calque.model)");
    }

    @Test
    void theModelDependsOnNoOtherCalquePackage() {
        Set<String> model = dependencies().get("dev.calque.model");
        assertEquals(Set.of(), model, "dev.calque.model must stand alone");
    }

    /** docs/architecture.md's package table says what the sources do: every package, and its dependencies. */
    @Test
    void theArchitectureTableListsEveryPackageWithTheDependenciesItHas() throws IOException {
        Pattern row = Pattern.compile("^\\| `(\\w+)` \\| .* \\| ([^|]+) \\|$", Pattern.MULTILINE);
        Map<String, Set<String>> documented = new TreeMap<>();
        Matcher m = row.matcher(Files.readString(Path.of("docs/architecture.md")));
        while (m.find()) {
            String deps = m.group(2).strip();
            Set<String> names = new TreeSet<>();
            if (deps.equals("everything")) names = null; // the command line wires every stage
            else if (!deps.equals("nothing else in Calque")) for (String d : deps.split(", ")) names.add("dev.calque." + d);
            documented.put("dev.calque." + m.group(1), names);
        }
        // the table's rows are the top-level packages; a subpackage (report.allure) counts as its parent
        Map<String, Set<String>> actual = new TreeMap<>();
        dependencies().forEach((pkg, deps) -> {
            Set<String> out = actual.computeIfAbsent(topLevel(pkg), k -> new TreeSet<>());
            for (String d : deps) if (!topLevel(d).equals(topLevel(pkg))) out.add(topLevel(d));
        });
        assertEquals(actual.keySet(), documented.keySet(), "packages in the sources against the table's rows");
        for (Map.Entry<String, Set<String>> e : actual.entrySet()) {
            if (documented.get(e.getKey()) == null) continue;
            assertEquals(e.getValue(), documented.get(e.getKey()), e.getKey() + ": what it depends on, sources against the table");
        }
    }

    private static String topLevel(String pkg) {
        String[] parts = pkg.split("\\.");
        return parts.length <= 3 ? pkg : parts[0] + "." + parts[1] + "." + parts[2];
    }

    /** A path from {@code start} back to itself, or null (breadth first, so the shortest). */
    private static List<String> pathBack(Map<String, Set<String>> deps, String start) {
        Map<String, String> cameFrom = new TreeMap<>();
        Deque<String> queue = new ArrayDeque<>(deps.getOrDefault(start, Set.of()));
        for (String n : queue) cameFrom.put(n, start);
        while (!queue.isEmpty()) {
            String n = queue.poll();
            if (n.equals(start)) {
                List<String> path = new ArrayList<>();
                String at = start;
                do {
                    path.add(0, at);
                    at = cameFrom.get(at);
                } while (!at.equals(start));
                path.add(0, start);
                return path;
            }
            for (String next : deps.getOrDefault(n, Set.of())) {
                if (!cameFrom.containsKey(next)) {
                    cameFrom.put(next, n);
                    queue.add(next);
                }
            }
        }
        return null;
    }

    static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                String src = read(p);
                Matcher pm = PACKAGE.matcher(src);
                if (!pm.find()) return;
                String pkg = pm.group(1);
                Set<String> out = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(src);
                while (m.find()) if (!m.group(1).equals(pkg)) out.add(m.group(1));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deps;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
