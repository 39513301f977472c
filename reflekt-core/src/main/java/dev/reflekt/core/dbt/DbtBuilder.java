package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.internal.FileTrees;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.ParseException;
import dev.reflekt.core.naming.Inflection;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import dev.reflekt.core.warehouse.Dialect;
import dev.reflekt.core.warehouse.TableColumns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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

    /** The only SDK whose raw tables are modelled so far. */
    public static final String SEGMENT = "segment";

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
        if (!SEGMENT.equals(sdk)) {
            throw new ReflektException("SDK '" + sdk + "' is not supported yet; use -Dreflekt.sdk=segment.");
        }
        DbtConfig dbt = project.config().dbt();
        List<SegmentPlanner.Schema> schemas = read(files);
        String source = Inflection.underscore(target.schema());
        SegmentPlanner planner = new SegmentPlanner(dbt, source, warehouse);
        planner.plan(schemas);

        if (dbt.parquet() && !(target.dialect() instanceof Dialect.DuckDb)) {
            throw new ReflektException("reflekt_project.yml: artifacts.dbt.models.parquet is for DuckDB (dbt-duckdb's"
                    + " external materialization) but the package is written for "
                    + target.dialect().name()
                    + "; remove it or build with -Dreflekt.dialect=duckdb.");
        }
        PackageRenderer renderer = new PackageRenderer(target.dialect(), dbt);
        Map<String, String> generated = new TreeMap<>();
        String models = "models/" + source + "/";
        String docs = models + (dbt.docsInFolder() ? "docs/" : "");
        for (Model model : planner.models()) {
            generated.put(models + model.name() + ".sql", renderer.modelSql(model, source));
            generated.put(
                    docs + dbt.docsPrefix()
                            + model.name().substring(dbt.modelsPrefix().length()) + ".yml",
                    renderer.modelDocs(model));
        }
        for (CurrentModel current : Entities.plan(planner.models(), schemas, dbt)) {
            generated.put(models + current.name() + ".sql", renderer.currentSql(current));
            generated.put(
                    docs + dbt.docsPrefix()
                            + current.name().substring(dbt.modelsPrefix().length()) + ".yml",
                    renderer.currentDocs(current));
        }
        if (dbt.profilesSync() != null) {
            ProfilesSync sync = new ProfilesSync(target.dialect(), dbt, renderer);
            generated.putAll(sync.files(ProfilesSync.traits(profilesSync, schemas)));
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
                                pkg,
                                "projectName",
                                project.config().name(),
                                "minDbtVersion",
                                dbt.dataTests() ? "1.8.0" : "1.0.0")));
        generated.put(
                "README.md",
                PackageRenderer.template(
                        "README.md.vm",
                        Map.of(
                                "packageName", pkg,
                                "projectName", project.config().name(),
                                "sdkTitle", "Segment",
                                "database", target.database(),
                                "schema", target.schema())));
        generated.put(".gitignore", PackageRenderer.resource("gitignore.txt"));
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
                if (file.endsWith(".sql")) {
                    sql.put(file.substring(file.lastIndexOf('/') + 1, file.length() - 4), content);
                }
            });
            auditor.get().audit(new DbtCompiler(target.dialect(), sources, sql).compileAll());
        }
        String sourcesFile = docs + dbt.sourcesPrefix() + source + ".yml";
        boolean changed = write(
                generated,
                sourcesFile,
                existing -> renderer.sources(
                        existing,
                        source,
                        target.database(),
                        target.schema(),
                        "Schema in " + target.warehouseType() + " with raw Segment event data.",
                        planner.tables()));
        List<String> names = new ArrayList<>(generated.keySet());
        names.add(sourcesFile);
        names.sort(null);
        return new BuildResult(packageDir(), names, planner.models().size(), planner.drift(), changed);
    }

    private List<SegmentPlanner.Schema> read(List<SchemaFile> files) throws ReflektException {
        LocatedTreeReader reader = new LocatedTreeReader();
        List<SegmentPlanner.Schema> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (SchemaFile file : files) {
            try {
                LocatedTree tree = reader.readJson(file.path());
                JsonNode json = tree.root();
                if (!json.isObject() || !json.path("self").path("name").isTextual()) {
                    problems.add(file.displayPath() + ":1:1: not a Reflekt schema (no self.name); run reflekt:lint.");
                } else {
                    out.add(new SegmentPlanner.Schema(file.id(), json, file.displayPath(), tree));
                }
            } catch (ParseException e) {
                problems.add(file.displayPath() + ":" + e.position() + ": " + e.reason() + "; run reflekt:lint.");
            } catch (IOException e) {
                problems.add(file.displayPath() + ": cannot read: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ReflektException(problems);
        }
        return out;
    }

    /**
     * Copies the current package into a scratch folder, writes the generated files over it, and swaps
     * it in. Returns whether anything changed.
     */
    private boolean write(
            Map<String, String> generated, String sourcesFile, java.util.function.Function<JsonNode, String> sources)
            throws IOException {
        Path target = packageDir();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path scratch = Files.createTempDirectory(parent, "." + target.getFileName() + "-build-");
        Path old = null;
        try {
            if (Files.isDirectory(target)) {
                FileTrees.copy(target, scratch);
            }
            boolean changed = false;
            Path sourcesPath = scratch.resolve(sourcesFile);
            JsonNode existing =
                    Files.isRegularFile(sourcesPath) ? PackageRenderer.YAML.readTree(sourcesPath.toFile()) : null;
            Map<String, String> all = new TreeMap<>(generated);
            all.put(sourcesFile, sources.apply(existing));
            for (Map.Entry<String, String> e : all.entrySet()) {
                Path file = scratch.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                if (!Files.isRegularFile(file)
                        || !Files.readString(file, StandardCharsets.UTF_8).equals(e.getValue())) {
                    Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
                    changed = true;
                }
            }
            if (!changed && Files.isDirectory(target)) {
                return false;
            }
            if (Files.isDirectory(target)) {
                old = Files.createTempDirectory(parent, "." + target.getFileName() + "-old-");
                Files.delete(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } finally {
            FileTrees.delete(scratch);
            if (old != null) {
                FileTrees.delete(old);
            }
        }
    }
}
