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
