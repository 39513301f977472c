package dev.reflekt.core.command;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.dbt.Auditor;
import dev.reflekt.core.dbt.BuildResult;
import dev.reflekt.core.dbt.BuildTarget;
import dev.reflekt.core.dbt.DbtBuilder;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.project.Profiles;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import dev.reflekt.core.warehouse.SourceRef;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.Warehouses;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The {@code reflekt:build} goal as one call: resolve the source and dialect, read the warehouse when
 * a source is given (one metadata query), build the package.
 */
public final class BuildCommand {

    /** The dialect when nothing else says which: Snowflake, as in the Python CLI. */
    public static final String DEFAULT_DIALECT = "snowflake";

    private BuildCommand() {}

    /**
     * What a build did.
     *
     * @param result the package written
     * @param target where the raw data is and which dialect was written
     * @param online whether the warehouse was read
     */
    public record Outcome(BuildResult result, BuildTarget target, boolean online) {

        /**
         * What the user should know about the package written: SQL in {@code models.filter} that the target
         * dialect lacks (a Python-CLI project's {@code received_at < getdate()} built for DuckDB).
         */
        public List<String> warnings(ReflektProject project) {
            String filter = project.config().dbt().modelsFilter();
            return target.dialect().foreignFunctions(filter).stream()
                    .map(f -> ReflektProject.PROJECT_FILE + ": artifacts.dbt.models.filter calls " + f
                            + " (every model appends the filter as written).")
                    .toList();
        }
    }

    /** Runs a build; {@code info} receives progress, {@code debug} the metadata query. */
    public static Outcome run(
            ReflektProject project,
            BuildRequest request,
            Warehouses.DriverLoader drivers,
            Consumer<String> info,
            Consumer<String> debug)
            throws ReflektException, IOException {
        List<SchemaFile> files = project.select(request.select());
        DbtBuilder builder = new DbtBuilder(project);
        Optional<Dialect> asked = dialect(request.dialect());
        String sdk = request.sdk() == null || request.sdk().isBlank()
                ? DbtBuilder.DEFAULT_SDK
                : request.sdk().strip();

        boolean connected = request.source() != null && !request.source().isBlank() && !request.offline();
        if (request.audit() && !connected) {
            throw new ReflektException("-Dreflekt.build.audit=true compiles the models on the warehouse, so it"
                    + " needs a connected source: add -Dreflekt.source=<source_id>.<database>.<schema> and do not"
                    + " set -Dreflekt.offline.");
        }
        if (request.source() == null || request.source().isBlank()) {
            Dialect dialect = asked.orElseGet(() -> firstSourceDialect(project, request, info));
            BuildTarget target =
                    new BuildTarget(dialect, dialect.name(), BuildTarget.DEFAULT_DATABASE, builder.packageName());
            return new Outcome(builder.build(files, target, sdk, Optional.empty()), target, false);
        }

        SourceRef ref = SourceRef.parse(request.source());
        if (request.offline()) {
            Optional<ProfileEntry> entry = Files.isRegularFile(project.profilesFile())
                    ? Optional.of(entry(project, request, ref))
                    : Optional.empty();
            Dialect dialect = asked.or(() -> entry.flatMap(e -> Dialect.of(e.type())))
                    .orElseGet(() -> Dialect.of(DEFAULT_DIALECT).orElseThrow());
            BuildTarget target = new BuildTarget(
                    dialect, entry.map(ProfileEntry::type).orElse(dialect.name()), ref.database(), ref.schema());
            return new Outcome(builder.build(files, target, sdk, Optional.empty()), target, false);
        }
        ProfileEntry entry = entry(project, request, ref);
        info.accept("Reading the tables of " + ref.database() + "." + ref.schema() + " from source '" + entry.id()
                + "' (" + entry.type() + ")");
        TableColumns tables = Warehouses.describe(project, entry, ref, drivers, debug);
        Optional<TableColumns> profilesSync = Optional.empty();
        DbtConfig.ProfilesSync sync = project.config().dbt().profilesSync();
        if (sync != null) {
            SourceRef syncRef = new SourceRef(ref.id(), ref.database(), sync.schema());
            info.accept("Reading the Profiles Sync tables of " + ref.database() + "." + sync.schema());
            profilesSync = Optional.of(Warehouses.describe(project, entry, syncRef, drivers, debug));
        }
        Dialect dialect = asked.or(() -> Dialect.of(entry.type())).orElseThrow();
        BuildTarget target = new BuildTarget(dialect, entry.type(), ref.database(), ref.schema());
        Optional<Auditor> auditor = request.audit()
                ? Optional.of(models -> {
                    info.accept("Auditing " + models.size() + " models on source '" + entry.id() + "'");
                    Warehouses.explain(project, entry, ref, drivers, models, debug);
                })
                : Optional.empty();
        return new Outcome(builder.build(files, target, sdk, Optional.of(tables), profilesSync, auditor), target, true);
    }

    private static Optional<Dialect> dialect(String name) throws ReflektException {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Optional<Dialect> d = Dialect.of(name);
        if (d.isEmpty()) {
            throw new ReflektException("Dialect '" + name + "' is not known; use one of "
                    + Arrays.stream(Dialect.all()).map(Dialect::name).collect(Collectors.joining(", ")) + ".");
        }
        return d;
    }

    static ProfileEntry entry(ReflektProject project, BuildRequest request, SourceRef ref) throws ReflektException {
        Profiles.Profile profile = project.profiles(request.env()).profile(request.profile());
        return profile.sources().stream()
                .filter(e -> e.id().equals(ref.id()))
                .findFirst()
                .orElseThrow(() -> new ReflektException("Profile '" + profile.name() + "' has no source '" + ref.id()
                        + "'; its sources are "
                        + profile.sources().stream().map(ProfileEntry::id).toList()
                        + ". Use one of them in -Dreflekt.source=<source_id>.<database>.<schema>."))
                .resolved();
    }

    /** The dialect of the profile's first source, when a profiles file is there to say. */
    private static Dialect firstSourceDialect(ReflektProject project, BuildRequest request, Consumer<String> info) {
        Dialect fallback = Dialect.of(DEFAULT_DIALECT).orElseThrow();
        if (!Files.isRegularFile(project.profilesFile())) {
            return fallback;
        }
        try {
            return project.profiles(request.env()).profile(request.profile()).sources().stream()
                    .findFirst()
                    .flatMap(e -> Dialect.of(e.type()))
                    .orElse(fallback);
        } catch (ReflektException e) {
            info.accept("Could not read the profile to choose the SQL dialect ("
                    + e.problems().get(0) + "); writing " + DEFAULT_DIALECT
                    + " SQL. Pass -Dreflekt.dialect to choose.");
            return fallback;
        }
    }
}
