package dev.reflekt.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The layers of docs/architecture.md, read from the imports of the main sources: goals enter through
 * {@code command}, capabilities never call a command or each other, the foundations import no capability, the
 * library imports no Maven, and every Mojo calls its goal's command.
 */
class ArchitectureTest {

    private static final Path ROOT = TestProject.repoRoot();
    private static final Path CORE = ROOT.resolve("reflekt-core/src/main/java/dev/reflekt/core");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([a-z][\\w.]*?)\\.[A-Z]");

    /** Package (relative to dev.reflekt.core, "" for the root) → the packages its classes import. */
    private static Map<String, Set<String>> imports(Path root, String prefix) throws Exception {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(f.getParent()).toString().replace('/', '.');
                Set<String> used = out.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    if (m.group(1).startsWith(prefix)) {
                        used.add(m.group(1).substring(prefix.length()));
                    } else if (m.group(1).startsWith("org.apache.maven")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void capabilitiesNeverCallACommandAndTheFoundationsCallNoCapability() throws Exception {
        Map<String, Set<String>> imports = imports(CORE, "dev.reflekt.core.");
        assertThat(imports).containsKeys("command", "internal", "lint", "registry");
        List<String> wrong = new ArrayList<>();
        imports.forEach((pkg, used) -> {
            for (String u : used) {
                boolean upToCommand = (u.equals("command") || u.startsWith("command.")) && !pkg.equals("command");
                boolean foundationUp = (pkg.startsWith("internal") || pkg.equals("naming"))
                        && !(u.startsWith("internal") || u.equals("naming"));
                if (upToCommand || foundationUp || u.startsWith("org.apache.maven")) {
                    wrong.add(pkg + " -> " + u);
                }
            }
        });
        // capabilities stand side by side: none imports another (a goal that needs two is a command)
        Set<String> capabilities = Set.of("lint", "breaking", "dbt", "generate", "registry", "catalog");
        imports.forEach((pkg, used) -> {
            String own = pkg.split("\\.")[0];
            if (capabilities.contains(own)) {
                for (String u : used) {
                    String other = u.split("\\.")[0];
                    if (capabilities.contains(other) && !other.equals(own)) {
                        wrong.add(pkg + " -> " + u);
                    }
                }
            }
        });
        assertThat(wrong).as("imports against the layers").isEmpty();
        // the arrow issue 30 removed: pull and push lint through their commands, not the registry package
        assertThat(imports.get("registry")).doesNotContain("lint");
    }

    /** No package depends on itself through others: the import graph between packages has no cycle. */
    @Test
    void packagesImportEachOtherWithoutACycle() throws Exception {
        Map<String, Set<String>> imports = imports(CORE, "dev.reflekt.core.");
        Map<String, Integer> state = new TreeMap<>();
        for (String pkg : imports.keySet()) {
            List<String> cycle = cycleFrom(pkg, imports, state, new ArrayList<>());
            assertThat(cycle).as("a cycle of imports").isEmpty();
        }
    }

    /** Depth-first: the packages of a cycle reachable from {@code pkg}, or an empty list (1 = on the path, 2 = done). */
    private static List<String> cycleFrom(
            String pkg, Map<String, Set<String>> imports, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(pkg);
        if (seen != null) {
            return seen == 1 ? List.copyOf(path.subList(path.indexOf(pkg), path.size())) : List.of();
        }
        state.put(pkg, 1);
        path.add(pkg);
        for (String used : imports.getOrDefault(pkg, Set.of())) {
            if (!used.equals(pkg) && !used.startsWith("org.apache.maven")) {
                List<String> cycle = cycleFrom(used, imports, state, path);
                if (!cycle.isEmpty()) {
                    return cycle;
                }
            }
        }
        path.remove(path.size() - 1);
        state.put(pkg, 2);
        return List.of();
    }

    /**
     * A collector's package is the only place that names it: capabilities find collectors through their SPIs
     * ({@code dbt.Collector}, {@code generate.Sdk}) and {@code META-INF/services}, so nothing else imports a collector,
     * and collectors do not import each other (RudderStack's SDK adapter extends Segment's: its Java SDK is a fork of
     * analytics-java).
     */
    @Test
    void nothingOutsideACollectorsPackageNamesIt() throws Exception {
        Map<String, Set<String>> imports = imports(CORE, "dev.reflekt.core.");
        imports.putAll(imports(ROOT.resolve("reflekt-maven-plugin/src/main/java"), "dev.reflekt.core."));
        assertThat(imports).containsKeys("collector.segment", "collector.rudderstack", "collector.snowplow");
        List<String> wrong = new ArrayList<>();
        imports.forEach((pkg, used) -> {
            for (String u : used) {
                if (u.startsWith("collector.")
                        && !u.equals(pkg)
                        && !(pkg.equals("collector.rudderstack") && u.equals("collector.segment"))) {
                    wrong.add(pkg + " -> " + u);
                }
            }
        });
        assertThat(wrong).as("imports of a collector's package").isEmpty();
        // every collector class is declared where its capability looks for it, and nothing else is
        // SPI -> the types a declared class implements or extends
        Map<String, String> spis = Map.of(
                "dev.reflekt.core.dbt.Collector",
                "Collector",
                "dev.reflekt.core.generate.Sdk",
                "Sdk|AnalyticsJavaSdk",
                "dev.reflekt.core.events.PayloadFormat",
                "PayloadFormat",
                "dev.reflekt.core.events.IngestionApi",
                "IngestionApi");
        for (String spi : spis.keySet()) {
            Set<String> declared = new TreeSet<>(
                    Files.readAllLines(ROOT.resolve("reflekt-core/src/main/resources/META-INF/services/" + spi)));
            Set<String> implemented = new TreeSet<>();
            try (Stream<Path> files = Files.walk(CORE.resolve("collector"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    if (text.matches(
                            "(?s).*public final class \\w+ (implements|extends) (" + spis.get(spi) + ")\\b.*")) {
                        implemented.add(CORE.getParent()
                                .getParent()
                                .getParent()
                                .relativize(f)
                                .toString()
                                .replace('/', '.')
                                .replaceAll("\\.java$", ""));
                    }
                }
            }
            assertThat(declared).as(spi).isEqualTo(implemented);
        }
    }

    @Test
    void everyMojoEntersThroughACommand() throws Exception {
        Path mojos = ROOT.resolve("reflekt-maven-plugin/src/main/java/dev/reflekt/maven");
        try (Stream<Path> files = Files.list(mojos)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("Mojo.java")
                            && !p.getFileName().toString().startsWith("Abstract"))
                    .toList()) {
                assertThat(Files.readString(f))
                        .as(f.getFileName().toString())
                        .containsPattern("import dev\\.reflekt\\.core\\.command\\.[A-Za-z]+Command;");
            }
        }
    }
}
