package dev.reflekt.core.command;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.events.EventCheck;
import dev.reflekt.core.events.EventsReport;
import dev.reflekt.core.events.ParallelCheck;
import dev.reflekt.core.events.PayloadFormats;
import dev.reflekt.core.events.Plan;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.project.ReflektProject;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** {@code reflekt:check-events}: the events apps sent (recorded payload files) checked against the plan. */
public final class CheckEventsCommand {

    private CheckEventsCommand() {}

    /**
     * What to check.
     *
     * @param base the folder the globs are relative to
     * @param globs payload files: paths or globs ({@code target/reflekt/events/*.ndjson}), comma-separated
     * @param select which schemas make the plan (as lint selects); null for all
     * @param severities rule severities
     * @param options unseen events as errors; values shown
     */
    public record Request(Path base, String globs, String select, Severities severities, EventCheck.Options options) {}

    /**
     * The outcome.
     *
     * @param files the payload files read, as shown
     * @param result the findings by file
     * @param check what was seen, per event
     * @param report {@code events.md}: per event name, what was seen and found
     */
    public record Outcome(List<String> files, CheckResult result, EventCheck.Result check, String report) {}

    /** The payload files {@code globs} name under {@code base}, sorted; none when nothing matches. */
    public static List<Path> files(Path base, String globs) throws IOException {
        TreeSet<Path> out = new TreeSet<>();
        for (String g : globs.split(",")) {
            String glob = g.strip().replace('\\', '/');
            if (glob.isEmpty()) {
                continue;
            }
            Path literal = base.resolve(glob);
            if (!glob.contains("*") && !glob.contains("?") && !glob.contains("[")) {
                if (Files.isRegularFile(literal)) {
                    out.add(literal.normalize());
                }
                continue;
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            Path root = base;
            // walk from the folders before the first wildcard
            String[] parts = glob.split("/");
            for (String part : parts) {
                if (part.contains("*") || part.contains("?") || part.contains("[")) {
                    break;
                }
                root = root.resolve(part);
            }
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> matcher.matches(base.relativize(p)))
                        .forEach(p -> out.add(p.normalize()));
            }
        }
        return List.copyOf(out);
    }

    /** Checks the payload files of {@code request} against the selected schemas of {@code project}. */
    public static Outcome run(ReflektProject project, Request request) throws ReflektException, IOException {
        long start = System.nanoTime();
        Plan plan = Plan.of(Definitions.of(project), project.select(request.select()));
        List<String> shown = new ArrayList<>();
        List<ParallelCheck.Input> inputs = new ArrayList<>();
        for (Path file : files(request.base(), request.globs())) {
            String display = project.display(file);
            shown.add(display);
            inputs.add(new ParallelCheck.Input(file, display));
        }
        EventCheck.Result result =
                ParallelCheck.run(plan, request.severities(), request.options(), inputs, PayloadFormats.all());
        // one group (a JUnit test case) per event name, passing ones too
        Map<String, List<Finding>> groups = new TreeMap<>();
        result.events().keySet().forEach(name -> groups.put(name, List.of()));
        groups.putAll(result.byEvent());
        List<CheckResult.FileResult> files = new ArrayList<>();
        groups.forEach((name, findings) -> files.add(new CheckResult.FileResult(
                findings.isEmpty()
                        ? (shown.size() == 1 ? shown.get(0) : "")
                        : findings.get(0).file(),
                EventCheck.shown(name),
                findings)));
        return new Outcome(
                List.copyOf(shown),
                new CheckResult(files, (System.nanoTime() - start) / 1_000_000),
                result,
                EventsReport.render(result, shown));
    }
}
