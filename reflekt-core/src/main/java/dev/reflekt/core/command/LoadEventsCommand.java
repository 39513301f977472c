package dev.reflekt.core.command;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.dbt.Collector;
import dev.reflekt.core.events.EventFiles;
import dev.reflekt.core.internal.LogText;
import dev.reflekt.core.load.EventLoader;
import dev.reflekt.core.load.LoadTables;
import dev.reflekt.core.load.LocalWarehouse;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.SourceRef;
import dev.reflekt.core.warehouse.Warehouses;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code reflekt:load-events}: loads recorded payloads into a local warehouse (a DuckDB file, or a PostgreSQL database)
 * laid out as the collector's loader lays out its warehouse ({@link EventLoader}), so that {@code build},
 * {@code infer} and the package's models and audit run on it.
 */
public final class LoadEventsCommand {

    /** The warehouse types a load may write to: local ones; the collectors' own loaders fill the others. */
    static final Set<String> LOCAL_TYPES = Set.of("duckdb", "postgres");

    private LoadEventsCommand() {}

    /**
     * What to load.
     *
     * @param base the folder {@code events} globs are relative to
     * @param events payload files or globs, comma-separated
     * @param source {@code <source_id>.<database>.<schema>}: where the tables go
     * @param sdk the collector whose layout to write ({@code segment})
     * @param profile the profile of the source (blank: {@code default_profile})
     * @param env the environment, for {@code {{ env_var('NAME') }}} in the profiles file
     */
    public record Request(
            Path base, String events, String source, String sdk, String profile, Map<String, String> env) {}

    /**
     * What happened.
     *
     * @param into the schema written, for the log ({@code raw.seg of source 'local' (duckdb)})
     * @param layout the collector's layout
     * @param files files read
     * @param written tables created, columns added, rows written
     * @param tables the tables written, by name
     * @param problems documents no loader read, located
     */
    public record Outcome(
            String into,
            String layout,
            int files,
            LocalWarehouse.Written written,
            List<String> tables,
            List<String> problems) {}

    /** Reads the files and writes the tables. */
    public static Outcome run(
            ReflektProject project, Request request, Warehouses.DriverLoader drivers, Consumer<String> info)
            throws ReflektException, IOException {
        if (request.events() == null || request.events().isBlank()) {
            throw new ReflektException(
                    "reflekt:load-events needs the recorded events: -Dreflekt.events=<files or globs>,"
                            + " such as target/reflekt/events/*.ndjson.");
        }
        if (request.source() == null || request.source().isBlank()) {
            throw new ReflektException("reflekt:load-events needs where to load them:"
                    + " -Dreflekt.source=<source_id>.<database>.<schema>, a duckdb source of reflekt_profiles.yml.");
        }
        List<Path> files = CheckEventsCommand.files(request.base(), request.events());
        if (files.isEmpty()) {
            throw new ReflektException("-Dreflekt.events='" + LogText.line(request.events()) + "' matches no file"
                    + " under " + project.display(request.base()) + "; record events with the local collector"
                    + " (reflekt:collector-start) or name the files.");
        }
        SourceRef ref = SourceRef.parse(request.source());
        ProfileEntry entry = BuildCommand.entry(
                project,
                new BuildRequest("", request.source(), request.profile(), request.sdk(), "", false, request.env()),
                ref);
        if (!LOCAL_TYPES.contains(entry.type())) {
            throw new ReflektException("Source '" + entry.id() + "' is a " + entry.type() + " warehouse:"
                    + " reflekt:load-events writes only to a local one (type duckdb, or postgres); "
                    + entry.type() + " is filled by the collector's own loader.");
        }
        Collector collector = Collector.require(request.sdk());
        Dialect dialect = Dialect.of(entry.type()).orElseThrow();
        EventLoader loader = collector
                .loader(project.config().dbt(), dialect)
                .orElseThrow(() -> new ReflektException("reflekt:load-events cannot load " + collector.product()
                        + "'s layout into " + entry.type() + " (Snowplow's STRUCT layout is loaded into DuckDB only);"
                        + " use a duckdb source."));
        List<String> problems = new ArrayList<>();
        try {
            for (Path file : files) {
                EventFiles.read(file, project.display(file), List.of(loader), e -> {}, p -> {
                    if (problems.size() < 100) {
                        problems.add(p.where().file() + ":" + p.where().line() + ":"
                                + p.where().column() + ": " + p.message());
                    }
                });
            }
        } catch (LoadTables.TooManyRows e) {
            throw new ReflektException("The recorded events make more than " + LoadTables.MAX_ROWS
                    + " rows; load the files a few at a time (-Dreflekt.events=<fewer files>).");
        }
        loader.finish();
        String into = ref.database() + "." + ref.schema() + " of source '" + entry.id() + "' (" + entry.type() + ")";
        info.accept("Loading " + loader.tables().rowCount() + " rows into " + into + ", " + loader.layout());
        try (Warehouses.Connected c = Warehouses.connect(project, entry, ref, drivers, true)) {
            LocalWarehouse.Written written =
                    LocalWarehouse.write(c.connection(), dialect, c.catalog(), ref.schema(), loader.tables());
            return new Outcome(
                    into,
                    loader.layout(),
                    files.size(),
                    written,
                    List.copyOf(loader.tables().tables().keySet()),
                    problems);
        } catch (SQLException e) {
            throw new ReflektException(
                    "Cannot load into " + into + ": " + withoutValues(e.getMessage())
                            + ". Nothing was loaded. If another process (a running build, a DuckDB shell) has the file open,"
                            + " close it and run again.",
                    e);
        }
    }

    /**
     * The first line of a driver's message with quoted text left out: a driver quotes the value it could not store,
     * and event values are personal data.
     */
    static String withoutValues(String message) {
        if (message == null || message.isBlank()) {
            return "no message";
        }
        String line = message.lines().findFirst().orElse("");
        return LogText.line(line.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\""));
    }
}
