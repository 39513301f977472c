package dev.reflekt.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.ParseException;
import dev.reflekt.core.internal.json.SchemaValidator;
import dev.reflekt.core.internal.json.SchemaViolation;
import dev.reflekt.core.naming.Casing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Reflekt project on disk: its directory, its validated {@code reflekt_project.yml} and its schemas.
 *
 * <p>{@code reflekt_profiles.yml} is read only on demand ({@link #profiles}), so that lint works
 * without it.
 */
public final class ReflektProject {

    /** The project file's name. */
    public static final String PROJECT_FILE = "reflekt_project.yml";
    /** The folder holding event schemas, relative to the project. */
    public static final String SCHEMAS_DIR = "schemas";
    /** Reflekt's own folder inside {@code schemas/}; never linted as an event schema. */
    public static final String META_DIR = ".reflekt";
    /** The meta-schema every event schema must satisfy, relative to the project. */
    public static final String META_SCHEMA = SCHEMAS_DIR + "/" + META_DIR + "/meta/1-0.json";

    private static final LocatedTreeReader READER = new LocatedTreeReader();
    private static final SchemaValidator CONFIG_SCHEMA = loadConfigSchema();

    private final Path dir;
    private final ProjectConfig config;
    private final List<String> warnings;

    private ReflektProject(Path dir, ProjectConfig config, List<String> warnings) {
        this.dir = dir;
        this.config = config;
        this.warnings = List.copyOf(warnings);
    }

    /** What in {@code reflekt_project.yml} is accepted but probably a mistake (unknown top-level keys). */
    public List<String> warnings() {
        return warnings;
    }

    /** A project name: it names the dbt package and its folder, so letters, digits, space, '-' and '_' only. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9 _-]*");

    /**
     * Reads and validates {@code reflekt_project.yml} in {@code projectDir}.
     *
     * @throws ReflektException when the file is missing or invalid; the message names the key and line
     */
    public static ReflektProject load(Path projectDir) throws ReflektException {
        Path dir = projectDir.toAbsolutePath().normalize();
        Path file = dir.resolve(PROJECT_FILE);
        if (!Files.isRegularFile(file)) {
            throw new ReflektException("No " + PROJECT_FILE + " in " + dir
                    + ". Run from the folder that holds your Reflekt project, or point to it with"
                    + " -Dreflekt.projectDir=<folder>.");
        }
        LocatedTree tree;
        try {
            tree = READER.readYaml(file);
        } catch (ParseException e) {
            throw new ReflektException(PROJECT_FILE + ":" + e.position() + ": " + e.reason()
                    + "; fix the YAML syntax of " + PROJECT_FILE + ".");
        } catch (IOException e) {
            throw new ReflektException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        for (SchemaViolation v : CONFIG_SCHEMA.validate(tree.root())) {
            String pointer = "additionalProperties".equals(v.keyword())
                    ? v.pointer() + "/" + LocatedTree.escape(v.property())
                    : v.pointer();
            problems.add(PROJECT_FILE + ":" + tree.position(pointer) + ": " + describe(v));
        }
        JsonNode name = tree.root().path("name");
        if (problems.isEmpty() && !NAME.matcher(name.asText().strip()).matches()) {
            problems.add(PROJECT_FILE + ":" + tree.position("/name") + ": name '" + name.asText()
                    + "' cannot name the dbt package and its folder; start with a letter and use only letters,"
                    + " digits, spaces, '-' and '_'.");
        }
        if (!problems.isEmpty()) {
            throw new ReflektException(problems);
        }
        List<String> warnings = new ArrayList<>();
        tree.root().fieldNames().forEachRemaining(key -> {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                String near = Suggestions.nearest(key, TOP_LEVEL_KEYS);
                warnings.add(PROJECT_FILE + ":" + tree.position("/" + LocatedTree.escape(key)) + ": unknown key '" + key
                        + "' is ignored; " + (near == null ? "remove it." : "did you mean '" + near + "'?"));
            }
        });
        return new ReflektProject(dir, bind(tree.root()), warnings);
    }

    /** The top-level keys of reflekt_project.yml, as the Python CLI and this plugin know them. */
    private static final List<String> TOP_LEVEL_KEYS = List.of(
            "version", "name", "vendor", "default_profile", "profiles_path", "schemas", "registry", "artifacts");

    private static String describe(SchemaViolation v) {
        String at = v.dottedPath();
        String prefix = at.isEmpty() ? "" : at + ".";
        switch (v.keyword()) {
            case "required":
                return "missing key '" + prefix + v.property() + "'; add it (see the Configuration section of"
                        + " the README for its meaning and values).";
            case "additionalProperties":
                return "unknown key '" + prefix + v.property() + "'; remove it or correct its spelling.";
            default:
                return "invalid value for '" + (at.isEmpty() ? "(document)" : at) + "': " + v.message() + ".";
        }
    }

    private static ProjectConfig bind(JsonNode root) {
        JsonNode conventions = root.path("schemas").path("conventions");
        List<String> dataTypes = strings(conventions.path("data_types"));
        Map<String, String> branches = new LinkedHashMap<>();
        root.path("registry")
                .path("avo")
                .path("branches")
                .fields()
                .forEachRemaining(e -> branches.put(e.getKey(), e.getValue().asText()));
        return new ProjectConfig(
                root.path("version").asText(),
                root.path("name").asText(),
                text(root, "vendor"),
                text(root, "default_profile"),
                text(root, "profiles_path"),
                new Conventions(naming(conventions.path("event")), naming(conventions.path("property")), dataTypes),
                branches,
                dbt(root.path("artifacts").path("dbt")));
    }

    private static DbtConfig dbt(JsonNode dbt) {
        DbtConfig d = DbtConfig.defaults();
        Map<String, List<String>> tests = new LinkedHashMap<>();
        dbt.path("docs").path("tests").fields().forEachRemaining(e -> tests.put(e.getKey(), strings(e.getValue())));
        String filter = dbt.path("models").path("filter").asText("");
        JsonNode freshness = dbt.path("sources").path("freshness");
        Map<String, DbtConfig.Entity> entities = new LinkedHashMap<>();
        dbt.path("entities").fields().forEachRemaining(e -> entities.put(e.getKey(), entity(e.getValue())));
        JsonNode sync = dbt.path("profiles_sync");
        JsonNode models = dbt.path("models");
        return new DbtConfig(
                dbt.path("sources").path("prefix").asText(d.sourcesPrefix()),
                models.path("prefix").asText(d.modelsPrefix()),
                filter.strip(),
                dbt.path("docs").path("prefix").asText(d.docsPrefix()),
                dbt.path("docs").path("in_folder").asBoolean(false),
                tests,
                dbt.path("dbt_version").asText(d.dbtVersion()),
                freshness.isObject() && !freshness.isEmpty()
                        ? new DbtConfig.Freshness(text(freshness, "warn_after"), text(freshness, "error_after"))
                        : null,
                models.path("materialized").asText(d.materialized()),
                models.path("etl_overlap").asInt(d.etlOverlap()),
                models.path("contract").asBoolean(d.contract()),
                models.path("parquet").asBoolean(d.parquet()),
                dbt.path("docs").path("constraint_tests").asBoolean(d.constraintTests()),
                dbt.path("docs").path("constraint_tests_severity").asText(d.constraintTestsSeverity()),
                entities,
                sync.isObject()
                        ? new DbtConfig.ProfilesSync(
                                sync.path("schema").asText(),
                                sync.path("etl_overlap").asInt(DbtConfig.DEFAULT_ETL_OVERLAP),
                                sync.path("materialization").asText("incremental"))
                        : null,
                dbt.path("rudderstack").path("underscore_divide_numbers").asBoolean(false),
                dbt.path("amplitude").path("project_id").isValueNode()
                        ? dbt.path("amplitude").path("project_id").asText()
                        : null);
    }

    /** An entity declaration, from {@code artifacts.dbt.entities} or a schema's {@code self.entity}. */
    public static DbtConfig.Entity entity(JsonNode node) {
        return new DbtConfig.Entity(node.path("key").asText(), text(node, "order_by"), text(node, "tombstone"));
    }

    private static NamingConvention naming(JsonNode node) {
        return new NamingConvention(
                Casing.fromConfig(node.path("casing").asText("any")),
                node.path("numbers").asBoolean(false),
                strings(node.path("reserved")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode root, String key) {
        JsonNode n = root.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static SchemaValidator loadConfigSchema() {
        try (InputStream in = ReflektProject.class.getResourceAsStream("reflekt_project.schema.json")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return SchemaValidator.compile(
                    "classpath:dev/reflekt/core/project/reflekt_project.schema.json",
                    READER.readJson(text).root());
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("reflekt_project.schema.json is missing from the class path", e);
        }
    }

    /** The project directory (absolute). */
    public Path dir() {
        return dir;
    }

    /** The validated configuration. */
    public ProjectConfig config() {
        return config;
    }

    /** The {@code schemas/} folder. */
    public Path schemasDir() {
        return dir.resolve(SCHEMAS_DIR);
    }

    /** {@code schemas/.reflekt/meta/1-0.json}. */
    public Path metaSchemaFile() {
        return dir.resolve(META_SCHEMA);
    }

    /**
     * Where {@code reflekt_profiles.yml} is: {@code profiles_path} with {@code ~} expanded and relative
     * paths taken from the project directory; {@code reflekt_profiles.yml} in the project by default.
     */
    public Path profilesFile() {
        String configured = config.profilesPath();
        return configured == null || configured.isBlank()
                ? dir.resolve("reflekt_profiles.yml")
                : resolvePath(configured);
    }

    /** Resolves a path written in a config file: {@code ~} is the home folder, relative is project-relative. */
    public Path resolvePath(String written) {
        String p = written.strip();
        if (p.equals("~") || p.startsWith("~/")) {
            p = System.getProperty("user.home") + p.substring(1);
        }
        return dir.resolve(p).normalize();
    }

    /** A path as messages print it: relative to the project when inside it, with forward slashes. */
    public String display(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(dir) ? dir.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }

    /**
     * Every event schema file under {@code schemas/}, sorted by path; {@code schemas/.reflekt/} is
     * skipped. Symbolic links are followed while they stay inside the project; one that leads out of it is
     * an error (a schema repository takes pull requests, and a link could make Reflekt read any file).
     */
    public List<SchemaFile> schemaFiles() throws ReflektException {
        Path root = schemasDir();
        if (!Files.isDirectory(root)) {
            throw new ReflektException("No " + SCHEMAS_DIR + "/ folder in " + dir + "; create it and put your"
                    + " event schemas in it (schemas/<vendor-or-plan>/<Event_Name>/<MAJOR-MINOR>.json).");
        }
        return jsonFiles(root, true);
    }

    /**
     * Every shared definition under {@code schemas/.reflekt/definitions/} (see {@link #DEFINITIONS_DIR}),
     * sorted by path; empty when the folder does not exist. Links are treated as for {@link #schemaFiles}.
     */
    public List<SchemaFile> definitionFiles() throws ReflektException {
        Path folder = schemasDir().resolve(DEFINITIONS_DIR);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        return jsonFiles(folder, false);
    }

    /** The folder of shared definitions, relative to {@code schemas/}. */
    public static final String DEFINITIONS_DIR = META_DIR + "/definitions";

    private List<SchemaFile> jsonFiles(Path folder, boolean skipMeta) throws ReflektException {
        Path root = schemasDir();
        List<SchemaFile> files = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        try {
            Path inside = dir.toRealPath();
            if (!folder.toRealPath().startsWith(inside)) {
                throw new ReflektException(display(folder) + "/ is a link to " + folder.toRealPath()
                        + ", outside the project; Reflekt reads schemas only from inside the project. Replace the"
                        + " link by the folder.");
            }
            Path real = folder.toRealPath();
            // reached through a link when its real path is not where the project's real path puts it
            boolean linked = !real.equals(inside.resolve(dir.relativize(folder)));
            new Lister(root, inside, skipMeta, files, outside).list(folder, linked, real);
        } catch (IOException e) {
            String why = e.toString();
            throw new ReflektException(
                    "Cannot list " + display(folder) + ": " + why
                            + (why.contains("FileSystemLoopException")
                                    ? "; a link in it leads back to a folder above it."
                                    : ""),
                    e);
        }
        if (!outside.isEmpty()) {
            throw new ReflektException(outside);
        }
        files.sort(null);
        return files;
    }

    /**
     * Lists the JSON files of a folder tree with java.io, following links while they stay inside the project.
     * One directory read per folder and one stat per entry, plus one lstat per folder and file to spot links:
     * a real path is looked up only under a link, where it can differ from the path walked.
     */
    private final class Lister {
        private final Path root;
        private final Path inside;
        private final boolean skipMeta;
        private final List<SchemaFile> files;
        private final List<String> outside;
        private final String rootText;

        Lister(Path root, Path inside, boolean skipMeta, List<SchemaFile> files, List<String> outside) {
            this.root = root;
            this.inside = inside;
            this.skipMeta = skipMeta;
            this.files = files;
            this.outside = outside;
            this.rootText = root.toString();
        }

        /** Lists {@code folder}, whose real path is {@code real}; {@code linked} when it is reached through a link. */
        void list(Path folder, boolean linked, Path real) throws IOException {
            String[] names = folder.toFile().list();
            if (names == null) {
                throw Files.exists(folder)
                        ? new java.nio.file.AccessDeniedException(folder.toString())
                        : new java.nio.file.NoSuchFileException(folder.toString());
            }
            boolean atRoot = skipMeta && folder.equals(root);
            for (String name : names) {
                Path path = folder.resolve(name);
                // one lstat per entry; what a link points to only for a link
                BasicFileAttributes own = attributes(path, LinkOption.NOFOLLOW_LINKS);
                boolean link = own != null && own.isSymbolicLink();
                BasicFileAttributes kind = link ? attributes(path) : own;
                if (kind == null) {
                    continue; // gone since the listing, or a dangling link: not a schema
                }
                if (name.endsWith(".json") && kind.isRegularFile()) {
                    add(path, linked || link);
                } else if (kind.isDirectory() && !(atRoot && name.equals(META_DIR))) {
                    boolean viaLink = linked || link;
                    Path entryReal = viaLink ? path.toRealPath() : real.resolve(name);
                    if (viaLink && real.startsWith(entryReal)) {
                        throw new java.nio.file.FileSystemLoopException(path.toString());
                    }
                    list(path, viaLink, entryReal);
                }
            }
        }

        private static BasicFileAttributes attributes(Path path, LinkOption... options) {
            try {
                return Files.readAttributes(path, BasicFileAttributes.class, options);
            } catch (IOException e) {
                return null;
            }
        }

        /** Adds the schema file {@code p}; {@code linked} when it is a link or reached through one. */
        private void add(Path p, boolean linked) throws IOException {
            if (linked) {
                Path real = p.toRealPath();
                if (!real.startsWith(inside)) {
                    outside.add(display(p) + ": a link to " + real + ", outside the project; Reflekt does not read"
                            + " it. Put the schema itself in the project.");
                    return;
                }
            }
            String path = p.toString();
            String id = path.startsWith(rootText) && path.length() > rootText.length()
                    ? path.substring(rootText.length() + 1)
                    : root.relativize(p).toString();
            files.add(new SchemaFile(p, id.replace('\\', '/')));
        }
    }

    /**
     * As {@link #select}, but an empty result is an error: a check that checked nothing must not pass (an
     * empty or mislinked {@code schemas/} folder would otherwise look clean).
     */
    public List<SchemaFile> selectSome(String select) throws ReflektException {
        List<SchemaFile> files = select(select);
        if (files.isEmpty()) {
            throw new ReflektException("No event schemas in " + SCHEMAS_DIR + "/ (" + display(schemasDir())
                    + "), so there is nothing to check; add them as schemas/<vendor>/<Event_Name>/<MAJOR-MINOR>.json,"
                    + " or skip the goal with -Dreflekt.skip=true.");
        }
        return files;
    }

    /**
     * The schema files a {@code select} expression names (see {@link SchemaSelector}); all of them
     * when {@code select} is blank.
     */
    public List<SchemaFile> select(String select) throws ReflektException {
        return SchemaSelector.select(schemaFiles(), select);
    }

    /**
     * Reads {@code reflekt_profiles.yml}; only the goals that talk to registries or warehouses need it.
     *
     * @param env the environment used for {@code {{ env_var('NAME') }}} values
     */
    public Profiles profiles(Map<String, String> env) throws ReflektException {
        return Profiles.load(profilesFile(), this, env);
    }
}
