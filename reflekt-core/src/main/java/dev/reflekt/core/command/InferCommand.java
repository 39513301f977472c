package dev.reflekt.core.command;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.dbt.Collector;
import dev.reflekt.core.dbt.LoadedEvent;
import dev.reflekt.core.events.EventFiles;
import dev.reflekt.core.events.PayloadFormats;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Reports;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.infer.Draft;
import dev.reflekt.core.infer.PayloadInference;
import dev.reflekt.core.infer.WarehouseInference;
import dev.reflekt.core.internal.LogText;
import dev.reflekt.core.internal.SafePath;
import dev.reflekt.core.lint.Linter;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import dev.reflekt.core.registry.Json;
import dev.reflekt.core.warehouse.SourceRef;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.Warehouses;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code reflekt:infer}: draft schemas of what is already tracked, from recorded payloads or from a warehouse schema in
 * a collector's layout, written under {@code schemas/<folder>/} (an existing file is kept unless forced), then linted.
 */
public final class InferCommand {

    private InferCommand() {}

    /**
     * What to infer from.
     *
     * @param base the folder {@code events} globs are relative to
     * @param events payload files or globs, comma-separated; blank to infer from {@code source}
     * @param source {@code <source_id>.<database>.<schema>} as {@code build} takes it; blank to infer from events
     * @param sdk the collector whose layout the source has ({@code segment})
     * @param profile the profile to read the source from (blank: {@code default_profile})
     * @param env the environment, for {@code {{ env_var('NAME') }}} in the profiles file
     * @param folder the folder under {@code schemas/} the drafts go to
     * @param maxEnumValues the most distinct strings a property may have to become an enum (0: never)
     * @param force replace existing files that differ
     */
    public record Request(
            Path base,
            String events,
            String source,
            String sdk,
            String profile,
            Map<String, String> env,
            String folder,
            int maxEnumValues,
            boolean force) {}

    /**
     * What happened.
     *
     * @param from what was read, for the log
     * @param written files written, as shown
     * @param unchanged files that already held the draft
     * @param kept files that differ and were kept (no force)
     * @param skipped events no draft was made for, and why
     * @param problems payload documents no format could read, located
     * @param lint lint's findings on the written files (the placeholders among them)
     */
    public record Outcome(
            String from,
            List<String> written,
            List<String> unchanged,
            List<String> kept,
            List<String> skipped,
            List<String> problems,
            CheckResult lint) {}

    /** Infers and writes; {@code info} receives progress, {@code debug} the metadata query. */
    public static Outcome run(
            ReflektProject project,
            Request request,
            Warehouses.DriverLoader drivers,
            Consumer<String> info,
            Consumer<String> debug)
            throws ReflektException, IOException {
        boolean fromEvents = request.events() != null && !request.events().isBlank();
        boolean fromSource = request.source() != null && !request.source().isBlank();
        if (fromEvents == fromSource) {
            throw new ReflektException("reflekt:infer reads either recorded events (-Dreflekt.events=<files or globs>,"
                    + " such as target/reflekt/events/*.ndjson) or a warehouse schema"
                    + " (-Dreflekt.source=<source_id>.<database>.<schema>), "
                    + (fromEvents ? "not both" : "and was given neither") + ".");
        }
        String folder = request.folder() == null || request.folder().isBlank()
                ? "inferred"
                : request.folder().strip();
        for (String segment : folder.split("/", -1)) {
            String problem = SafePath.problem(segment);
            if (problem != null || segment.startsWith(".")) {
                throw new ReflektException("-Dreflekt.infer.folder='" + LogText.line(folder) + "' has "
                        + (problem != null ? problem : "a name beginning with '.'")
                        + "; name a folder under schemas/ such as inferred or com.acme.");
            }
        }
        if (request.maxEnumValues() < 0) {
            throw new ReflektException("-Dreflekt.infer.maxEnumValues=" + request.maxEnumValues()
                    + " is negative; use 0 (never) or more.");
        }
        String vendor =
                project.config().vendor() == null ? "" : project.config().vendor();
        List<String> skipped = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Draft> drafts;
        String from;
        if (fromEvents) {
            List<Path> files = CheckEventsCommand.files(request.base(), request.events());
            if (files.isEmpty()) {
                throw new ReflektException("-Dreflekt.events='" + LogText.line(request.events()) + "' matches no file"
                        + " under " + project.display(request.base()) + "; record events with the local collector"
                        + " (reflekt:collector-start) or name the files.");
            }
            PayloadInference inference = new PayloadInference(request.maxEnumValues());
            for (Path file : files) {
                EventFiles.read(file, project.display(file), PayloadFormats.all(), inference, inference::problem);
            }
            problems.addAll(inference.problems());
            drafts = inference.drafts(folder, vendor, skipped::add);
            from = inference.events() + " events in " + files.size() + " file" + (files.size() == 1 ? "" : "s")
                    + (inference.ignored() == 0 ? "" : " (" + inference.ignored() + " with nothing to infer from)");
        } else {
            SourceRef ref = SourceRef.parse(request.source());
            ProfileEntry entry = BuildCommand.entry(
                    project,
                    new BuildRequest("", request.source(), request.profile(), request.sdk(), "", false, request.env()),
                    ref);
            Collector collector = Collector.require(request.sdk());
            info.accept("Reading the tables of " + ref.database() + "." + ref.schema() + " from source '" + entry.id()
                    + "' (" + entry.type() + ")");
            TableColumns tables = Warehouses.describe(project, entry, ref, drivers, debug);
            Dialect dialect = Dialect.of(entry.type()).orElseThrow();
            List<LoadedEvent> events = collector
                    .loadedEvents(project.config().dbt(), dialect, tables)
                    .orElseThrow(() -> new ReflektException("reflekt:infer cannot read events from a "
                            + collector.product() + " warehouse yet (its loader does not name an event by table);"
                            + " infer from recorded events instead: -Dreflekt.events=<files>."));
            drafts = WarehouseInference.drafts(events, tables, folder, vendor, skipped::add);
            from = tables.tableCount() + " tables of " + ref.database() + "." + ref.schema() + " ("
                    + collector.product() + " layout)";
        }
        return write(project, drafts, request.force(), from, skipped, problems);
    }

    private static Outcome write(
            ReflektProject project,
            List<Draft> drafts,
            boolean force,
            String from,
            List<String> skipped,
            List<String> problems)
            throws ReflektException, IOException {
        Path root = project.schemasDir();
        Files.createDirectories(root);
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<SchemaFile> writtenFiles = new ArrayList<>();
        for (Draft d : drafts) {
            String content = Json.pretty(d.json());
            Path target = SafePath.create(root.toRealPath(), d.id());
            if (target == null) {
                skipped.add(d.id() + ": a link in schemas/ leads out of the project");
                continue;
            }
            String shown = project.display(target);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                        && Files.readString(target, StandardCharsets.UTF_8).equals(content)) {
                    unchanged.add(shown);
                    continue;
                }
                if (!force) {
                    kept.add(shown);
                    continue;
                }
            }
            Reports.writeAtomically(target, content);
            written.add(shown + " (from " + d.from() + ")");
            writtenFiles.add(new SchemaFile(target, d.id()));
        }
        CheckResult lint = writtenFiles.isEmpty()
                ? new CheckResult(List.of(), 0)
                : new Linter(project, Severities.defaults()).lint(writtenFiles);
        return new Outcome(from, written, unchanged, kept, skipped, problems, lint);
    }

    /** The file a draft was written to, as {@link Outcome#written} shows it, without what it came from. */
    public static Optional<String> file(String written) {
        int at = written.indexOf(" (from ");
        return Optional.of(at < 0 ? written : written.substring(0, at));
    }
}
