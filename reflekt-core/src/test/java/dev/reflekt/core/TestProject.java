package dev.reflekt.core;

import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.lint.Linter;
import dev.reflekt.core.project.ReflektProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds small Reflekt projects in a temporary folder for tests. */
public final class TestProject {

    /** The repository's example project, our own fixture. */
    public static final Path EXAMPLE = repoRoot().resolve("examples/jaffle-shop");

    private final Path dir;

    private TestProject(Path dir) {
        this.dir = dir;
    }

    /**
     * A project in {@code dir} with the example's meta-schema and a config whose conventions are
     * title-case events and snake-case properties, unless {@code conventions} replaces them.
     */
    public static TestProject create(Path dir) {
        TestProject p = new TestProject(dir);
        p.config(defaultConfig(""));
        try {
            Path meta = dir.resolve(ReflektProject.META_SCHEMA);
            Files.createDirectories(meta.getParent());
            Files.copy(
                    EXAMPLE.resolve(ReflektProject.META_SCHEMA),
                    meta,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** A config with the default conventions, {@code extra} appended at the top level. */
    public static String defaultConfig(String extra) {
        return """
                version: 1.0
                name: test_project
                vendor: com.example
                default_profile: dev
                profiles_path: ./reflekt_profiles.yml
                schemas:
                  conventions:
                    event:
                      casing: title
                      numbers: false
                      reserved: [Reserved Event]
                    property:
                      casing: snake
                      numbers: false
                      reserved: [forbidden]
                    data_types: [string, integer, number, boolean, object, array, 'null']
                """ + extra;
    }

    public TestProject config(String yaml) {
        return write(ReflektProject.PROJECT_FILE, yaml);
    }

    public TestProject write(String relative, String content) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes a schema at {@code schemas/<id>} whose {@code properties} body is {@code properties}. */
    public TestProject schema(String id, String name, String properties) {
        String version = id.substring(id.lastIndexOf('/') + 1).replace(".json", "");
        return write("schemas/" + id, schemaJson(id, name, version, properties));
    }

    /** A schema document that passes every rule when its properties do. */
    public static String schemaJson(String id, String name, String version, String properties) {
        return """
                {
                  "$schema": "http://json-schema.org/draft-07/schema#",
                  "$id": "%s",
                  "description": "Test event.",
                  "self": {
                    "vendor": "com.example",
                    "name": "%s",
                    "format": "jsonschema",
                    "version": "%s",
                    "metadata": {"code_owner": "a", "product_owner": "b"}
                  },
                  "type": "object",
                  "properties": %s
                }
                """.formatted(id, name, version, properties);
    }

    public Path dir() {
        return dir;
    }

    public ReflektProject load() throws ReflektException {
        return ReflektProject.load(dir);
    }

    /** Lints every schema with default options. */
    public CheckResult lint() throws ReflektException {
        return lint(Severities.defaults());
    }

    public CheckResult lint(Severities options) throws ReflektException {
        ReflektProject project = load();
        return new Linter(project, options).lint(project.schemaFiles());
    }

    /** The repository root: the folder above the module that runs the tests. */
    public static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.isDirectory(here.resolve("examples/jaffle-shop"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException(
                    "cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return here;
    }
}
