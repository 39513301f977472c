package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.definitions.Resolved;
import dev.reflekt.core.internal.OutputFolder;
import dev.reflekt.core.internal.SafePath;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.ParseException;
import dev.reflekt.core.naming.Inflection;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes the dbt package of a Reflekt project to {@code artifacts/dbt/<package>/}: the same package
 * the Python CLI writes, correct for the target dialect. The package is assembled in a scratch folder
 * and swapped in only when complete; files in it that Reflekt did not generate are kept.
 */
public final class DbtBuilder {

    private final ReflektProject project;

    public DbtBuilder(ReflektProject project) {
        this.project = project;
    }

    /** The package name: the project name in snake case. */
    public String packageName() {
        return Inflection.underscore(
                project.config().name().strip().replace(' ', '_').replace('-', '_'));
    }

    /** {@code artifacts/dbt/<package>} in the project. */
    public Path packageDir() {
        return project.dir().resolve("artifacts").resolve("dbt").resolve(packageName());
    }

    /**
     * Builds the package for {@code files}.
     *
     * @param warehouse the tables and columns of the raw schema, or empty for an offline build
     * @throws ReflektException for unreadable schemas or an unsupported SDK; nothing is written then
     */
    public BuildResult build(List<SchemaFile> files, BuildTarget target, String sdk, Optional<TableColumns> warehouse)
            throws ReflektException, IOException {
        return build(files, target, sdk, warehouse, Optional.empty());
    }

    /**
     * Builds the package for {@code files}.
     *
     * @param warehouse the tables and columns of the raw schema, or empty for an offline build
     * @param profilesSync the tables and columns of the Profiles Sync schema, or empty to take the traits
     *     from the Identify schema
     * @throws ReflektException for unreadable schemas or an unsupported SDK; nothing is written then
     */
    public BuildResult build(
            List<SchemaFile> files,
            BuildTarget target,
            String sdk,
            Optional<TableColumns> warehouse,
            Optional<TableColumns> profilesSync)
            throws ReflektException, IOException {
        return build(files, target, sdk, warehouse, profilesSync, Optional.empty());
    }

    /**
     * Builds the package for {@code files}; with an auditor, publishes it only when the auditor accepts
     * every compiled model.
     */
    public BuildResult build(
            List<SchemaFile> files,
            BuildTarget target,
            String sdk,
            Optional<TableColumns> warehouse,
            Optional<TableColumns> profilesSync,
            Optional<Auditor> auditor)
            throws ReflektException, IOException {
        Collector collector = KnownCollectors.require(sdk);
        DbtConfig dbt = project.config().dbt();
        List<EventSchema> schemas = read(files);
        String source = Inflection.underscore(target.schema());
        if (dbt.profilesSync() != null && collector.profilesSync().isEmpty()) {
            throw new ReflektException("reflekt_project.yml: artifacts.dbt.profiles_sync models Segment's Profiles Sync"
                    + " tables, which " + collector.product() + " does not load; remove it, or build with"
                    + " -Dreflekt.sdk=" + String.join(" or -Dreflekt.sdk=", KnownCollectors.withProfilesSync()) + ".");
        }
        Collector.Planner planner = collector.planner(dbt, target.dialect(), source, warehouse);
        planner.plan(schemas);

        if (dbt.parquet() && target.dialect().parquetMaterialization().isEmpty()) {
            throw new ReflektException(
                    "reflekt_project.yml: artifacts.dbt.models.parquet writes Parquet files, which the"
                            + " dbt adapter of " + target.dialect().name() + " does not; it works with "
                            + String.join(
                                    " and ",
                                    Arrays.stream(Dialect.all())
                                            .filter(d ->
                                                    d.parquetMaterialization().isPresent())
                                            .map(Dialect::name)
                                            .toList())
                            + ". Remove it or build with -Dreflekt.dialect=duckdb.");
        }
        PackageRenderer renderer = new PackageRenderer(target.dialect(), dbt);
        Map<String, String> generated = new TreeMap<>();
        Map<String, String> madeBy = new TreeMap<>();
        List<String> clashes = new ArrayList<>();
        String models = "models/" + source + "/";
        String docs = models + (dbt.docsInFolder() ? "docs/" : "");
        for (Model model : planner.models()) {
            String from = model.schemaId() == null ? "tracks" : "schemas/" + model.schemaId();
            put(
                    generated,
                    madeBy,
                    clashes,
                    models + model.name() + ".sql",
                    planner.modelSql(model, renderer, source),
                    from);
            put(
                    generated,
                    madeBy,
                    clashes,
                    docs + dbt.docsPrefix()
                            + model.name().substring(dbt.modelsPrefix().length()) + ".yml",
                    renderer.modelDocs(model),
                    from);
        }
        Optional<EventAudit> audit = planner.audit();
        if (audit.isPresent()) {
            int hours = auditHours(dbt);
            String name = PackageRenderer.auditModel(source);
            String from = "the event audit of " + audit.get().table();
            put(
                    generated,
                    madeBy,
                    clashes,
                    models + name + ".sql",
                    renderer.auditSql(audit.get(), source, hours),
                    from);
            put(
                    generated,
                    madeBy,
                    clashes,
                    docs + dbt.docsPrefix() + name + ".yml",
                    renderer.auditDocs(audit.get(), source, hours),
                    from);
            generated.put(
                    "tests/" + PackageRenderer.auditTest(source) + ".sql",
                    PackageRenderer.auditTestSql(audit.get(), source));
        }
        List<CurrentModel> currents = Entities.plan(planner.models(), schemas, dbt);
        Deletions deletions = new Deletions(renderer, target.dialect(), collector.deletionsMacroComment());
        planner.models().forEach(m -> deletions.staging(m, source));
        currents.forEach(deletions::current);
        for (CurrentModel current : currents) {
            String from = "schemas/" + current.history().schemaId();
            put(generated, madeBy, clashes, models + current.name() + ".sql", renderer.currentSql(current), from);
            put(
                    generated,
                    madeBy,
                    clashes,
                    docs + dbt.docsPrefix()
                            + current.name().substring(dbt.modelsPrefix().length()) + ".yml",
                    renderer.currentDocs(current),
                    from);
        }
        if (!clashes.isEmpty()) {
            throw new ReflektException(clashes);
        }
        if (dbt.profilesSync() != null) {
            ProfilesSync sync = new ProfilesSync(target.dialect(), dbt, renderer);
            sync.deletions(deletions);
            generated.putAll(sync.files(ProfilesSync.traits(
                    profilesSync, schemas, collector.profilesSync().orElseThrow())));
            generated.put(
                    docs.replace(source + "/", ProfilesSync.SOURCE + "/") + dbt.sourcesPrefix() + ProfilesSync.SOURCE
                            + ".yml",
                    sync.sources(target.database()));
        }
        String pkg = packageName();
        generated.put(
                "dbt_project.yml",
                PackageRenderer.template(
                        "dbt_project.yml.vm",
                        Map.of(
                                "packageName",
                                YamlScalar.scalar(pkg),
                                "projectName",
                                project.config().name(),
                                "minDbtVersion",
                                dbt.requiredDbtVersion(),
                                "maxDbtVersion",
                                dbt.dbtVersionBelow())));
        generated.put(
                "README.md",
                PackageRenderer.template(
                        "README.md.vm",
                        Map.of(
                                "packageName", pkg,
                                "projectName", project.config().name(),
                                "sdkTitle", collector.product(),
                                "deletions", collector.deletionsReadme(),
                                "database", target.database(),
                                "schema", target.schema())));
        generated.put(".gitignore", PackageRenderer.resource("gitignore.txt"));
        generated.put("macros/reflekt_propagate_deletions.sql", deletions.macro());
        String packages = PackageRenderer.packages(planner.models());
        if (packages != null) {
            generated.put("packages.yml", packages);
        }

        if (auditor.isPresent()) {
            Map<String, DbtCompiler.Source> sources = new java.util.LinkedHashMap<>();
            sources.put(source, new DbtCompiler.Source(target.database(), target.schema()));
            if (dbt.profilesSync() != null) {
                sources.put(
                        ProfilesSync.SOURCE,
                        new DbtCompiler.Source(
                                target.database(), dbt.profilesSync().schema()));
            }
            Map<String, String> sql = new java.util.LinkedHashMap<>();
            generated.forEach((file, content) -> {
                if (file.startsWith("models/") && file.endsWith(".sql")) {
                    sql.put(file.substring(file.lastIndexOf('/') + 1, file.length() - 4), content);
                }
            });
            auditor.get().audit(new DbtCompiler(target.dialect(), sources, sql).compileAll());
        }
        String sourcesFile = docs + dbt.sourcesPrefix() + source + ".yml";
        boolean changed = write(
                generated,
                sourcesFile,
                planner.tables().keySet(),
                (existing, previousTables) -> renderer.sources(
                        existing,
                        previousTables,
                        source,
                        target.database(),
                        target.schema(),
                        "Schema in " + target.warehouseType() + " with raw " + collector.product() + " event data.",
                        planner.tables(),
                        planner::loadedAtColumn));
        List<String> names = new ArrayList<>(generated.keySet());
        names.add(sourcesFile);
        names.add(MANIFEST);
        names.sort(null);
        return new BuildResult(
                packageDir(), names, planner.models().size(), planner.drift(), planner.unplanned(), changed);
    }

    /**
     * The event audit's window in hours: the sources' freshness ({@code error_after}, else {@code warn_after}), else a
     * day; never less than the incremental overlap.
     */
    static int auditHours(DbtConfig dbt) {
        int hours = 24;
        DbtConfig.Freshness f = dbt.freshness();
        String after = f == null ? null : f.errorAfter() != null ? f.errorAfter() : f.warnAfter();
        if (after != null) {
            int n = Integer.parseInt(after.substring(0, after.length() - 1));
            hours = switch (after.charAt(after.length() - 1)) {
                case 'm' -> (n + 59) / 60;
                case 'd' -> n * 24;
                default -> n;
            };
        }
        return Math.max(hours, dbt.etlOverlap());
    }

    /** Adds a generated file, or a problem when another schema already made a file of that name. */
    private static void put(
            Map<String, String> generated,
            Map<String, String> madeBy,
            List<String> problems,
            String file,
            String content,
            String from) {
        String earlier = madeBy.putIfAbsent(file, from);
        if (earlier != null) {
            problems.add(from + ": makes " + file + ", as " + earlier + " does; dbt needs unique model names,"
                    + " so rename one of the events (self.name).");
            return;
        }
        generated.put(file, content);
    }

    /** The JSON pointer of the first key or string holding a NUL character, or null. */
    private static String nulAt(JsonNode node, String pointer) {
        if (node.isTextual()) {
            return node.asText().indexOf('\0') >= 0 ? pointer : null;
        }
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                String at = pointer + "/" + LocatedTree.escape(e.getKey());
                String found = e.getKey().indexOf('\0') >= 0 ? at : nulAt(e.getValue(), at);
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = nulAt(node.get(i), pointer + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The most columns one event's properties may load into: PostgreSQL's and Redshift's limit per table. */
    static final int MAX_COLUMNS = 1_600;

    List<EventSchema> read(List<SchemaFile> files) throws ReflektException {
        LocatedTreeReader reader = new LocatedTreeReader();
        List<EventSchema> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Definitions definitions = Definitions.of(project);
        for (SchemaFile file : files) {
            try {
                LocatedTree tree = reader.readJson(file.path());
                Resolved resolved = definitions.resolve(file.id(), tree);
                if (!resolved.ok()) {
                    resolved.problems().forEach(p -> problems.add(p.describe()));
                    continue;
                }
                JsonNode json = resolved.json();
                if (!json.isObject() || !json.path("self").path("name").isTextual()) {
                    problems.add(file.displayPath() + ":1:1: not a Reflekt schema (no self.name); run reflekt:lint.");
                } else if (nulAt(json, "") != null) {
                    problems.add(file.displayPath() + ":" + tree.position(nulAt(json, ""))
                            + ": holds a NUL character (\\u0000), which no warehouse can store; remove it.");
                } else if (PropertyColumns.leaves(json, MAX_COLUMNS + 1) > MAX_COLUMNS) {
                    problems.add(file.displayPath() + ":1:1: with its nested objects flattened (and its $refs"
                            + " expanded) the event loads into more than " + MAX_COLUMNS + " columns, more than"
                            + " PostgreSQL and Redshift allow in a table; nest less, or make deep parts one object"
                            + " column (\"type\": \"object\" without \"properties\").");
                } else {
                    out.add(new EventSchema(file.id(), json, file.displayPath(), tree, resolved::origin));
                }
            } catch (ParseException e) {
                problems.add(file.displayPath() + ":" + e.position() + ": " + e.reason() + "; run reflekt:lint.");
            } catch (IOException e) {
                problems.add(file.displayPath() + ": cannot read: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ReflektException(problems.stream().distinct().toList());
        }
        return out;
    }

    /** The collector when none is named: Segment, as in the Python CLI. */
    public static final String DEFAULT_SDK = KnownCollectors.DEFAULT;

    /** The package's list of the files Reflekt wrote, so that the next build can replace exactly those. */
    public static final String MANIFEST = ".reflekt-files";

    /**
     * Writes the package: when nothing would change, nothing is touched; otherwise it is assembled in a
     * scratch folder and swapped in. The scratch folder gets the previous package's files less those its
     * manifest says Reflekt wrote and less symbolic links (which could point anywhere), so that only what a
     * user added survives; then the generated files and the new manifest. Returns whether anything changed.
     */
    private boolean write(
            Map<String, String> generated,
            String sourcesFile,
            java.util.Collection<String> tables,
            java.util.function.BiFunction<JsonNode, java.util.Set<String>, String> sources)
            throws IOException, ReflektException {
        Path target = packageDir();
        boolean exists = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
        Previous previous = exists ? Previous.read(target) : null;
        JsonNode existing = exists ? readSources(target.resolve(sourcesFile)) : null;
        Map<String, String> all = new TreeMap<>(generated);
        all.put(sourcesFile, sources.apply(existing, previous == null ? null : previous.tables()));
        all.put(MANIFEST, manifest(all.keySet(), tables));
        java.util.Set<String> generatedBefore =
                new java.util.HashSet<>(previous == null ? java.util.Set.of() : previous.files());
        generatedBefore.add(MANIFEST);
        try {
            return OutputFolder.update(target, all, generatedBefore);
        } catch (OutputFolder.Refused e) {
            throw new ReflektException("Refusing to write '" + e.relative() + "': not a plain file name inside the"
                    + " package; check the prefixes under artifacts.dbt in reflekt_project.yml.");
        }
    }

    /** The previous sources file, or null when there is none (or a user broke it: it is replaced). */
    private static JsonNode readSources(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return PackageRenderer.YAML.readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    private static final String TABLE = "source-table: ";

    private static String manifest(java.util.Collection<String> files, java.util.Collection<String> tables) {
        StringBuilder out = new StringBuilder("# What Reflekt generated in this package: files, and tables of the"
                + " sources file. The next reflekt:build replaces exactly these.\n");
        files.stream().filter(f -> !f.equals(MANIFEST)).sorted().forEach(f -> out.append(f)
                .append('\n'));
        tables.stream().sorted().forEach(t -> out.append(TABLE).append(t).append('\n'));
        return out.toString();
    }

    /**
     * What the previous build's manifest says it generated: files (plain paths inside the package only) and
     * source tables.
     */
    private record Previous(java.util.Set<String> files, java.util.Set<String> tables) {

        /** The manifest of {@code dir}, or null when there is none (a package from before manifests). */
        static Previous read(Path dir) throws IOException {
            Path manifest = dir.resolve(MANIFEST);
            if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            java.util.Set<String> files = new java.util.HashSet<>();
            java.util.Set<String> tables = new java.util.HashSet<>();
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                String entry = line.strip();
                if (entry.startsWith(TABLE)) {
                    tables.add(entry.substring(TABLE.length()).strip());
                } else if (!entry.isEmpty() && !entry.startsWith("#") && SafePath.isPlain(entry)) {
                    files.add(entry);
                }
            }
            return new Previous(files, tables);
        }
    }
}
