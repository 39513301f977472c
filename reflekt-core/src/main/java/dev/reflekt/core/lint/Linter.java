package dev.reflekt.core.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.ParseException;
import dev.reflekt.core.internal.json.SchemaValidator;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;

/**
 * Lints event schemas against the project's conventions and meta-schema.
 *
 * <p>Every file is linted, whatever is wrong with the others; files are linted in parallel and the
 * result is always in the same order.
 */
public final class Linter {

    private final Severities options;
    private final List<SchemaRule> rules;
    private final List<SchemaRule> definitionRules;
    private final ReflektProject project;
    private final Definitions definitions;
    private final LocatedTreeReader reader = new LocatedTreeReader();

    /**
     * Prepares a linter for {@code project}: reads and compiles its meta-schema.
     *
     * @throws ReflektException when the meta-schema is missing, malformed or not a valid JSON Schema
     */
    public Linter(ReflektProject project, Severities options) throws ReflektException {
        this(project, options, Optional.empty());
    }

    /**
     * Prepares a linter that also applies the warehouse-aware rules of {@code dialect}, when one is known.
     *
     * @throws ReflektException when the meta-schema is missing, malformed or not a valid JSON Schema
     */
    public Linter(ReflektProject project, Severities options, Optional<Dialect> dialect) throws ReflektException {
        this(project, options, dialect, Optional.empty());
    }

    /**
     * Prepares a linter that also applies the warehouse-aware rules of {@code dialect}, when one is known, and the
     * {@code collector-load} checks of a collector, when one is named.
     *
     * @throws ReflektException when the meta-schema is missing, malformed or not a valid JSON Schema
     */
    public Linter(
            ReflektProject project, Severities options, Optional<Dialect> dialect, Optional<LoadProblems> collector)
            throws ReflektException {
        this.options = options;
        this.project = project;
        this.definitions = Definitions.of(project);
        PropertyRule propertyRule = new PropertyRule(project.config().conventions());
        List<SchemaRule> all = new ArrayList<>(List.of(
                new MetaSchemaRule(loadMetaSchema(project)),
                new IdentityRule(),
                new EventNameRule(project.config().conventions().event()),
                propertyRule,
                new RefRule(),
                new Placeholder()));
        List<SchemaRule> forDefinitions = new ArrayList<>(List.of(new DefinitionRule(), propertyRule, new RefRule()));
        dialect.ifPresent(d -> {
            all.add(new WarehouseRule(d, collector));
            forDefinitions.add(new WarehouseRule(d, collector));
        });
        collector.ifPresent(c -> all.add(new CollectorRule(c)));
        this.rules = List.copyOf(all);
        this.definitionRules = List.copyOf(forDefinitions);
    }

    private SchemaValidator loadMetaSchema(ReflektProject project) throws ReflektException {
        var file = project.metaSchemaFile();
        if (!Files.isRegularFile(file)) {
            throw new ReflektException(ReflektProject.META_SCHEMA + " not found. Every Reflekt project needs this"
                    + " meta-schema: copy it from a project made by `reflekt init` or by the reflekt-archetype.");
        }
        LocatedTree tree;
        try {
            tree = reader.readJson(file);
        } catch (ParseException e) {
            throw new ReflektException(ReflektProject.META_SCHEMA + ":" + e.position() + ": " + e.reason()
                    + "; fix the JSON syntax of the meta-schema.");
        } catch (IOException e) {
            throw new ReflektException("Cannot read " + ReflektProject.META_SCHEMA + ": " + e.getMessage(), e);
        }
        try {
            return SchemaValidator.compile(file.toUri().toString(), tree.root());
        } catch (IllegalArgumentException e) {
            throw new ReflektException(ReflektProject.META_SCHEMA + ": not a usable JSON Schema: " + e.getMessage()
                    + ". References may point only to the draft-07 meta-schema or to this file; nothing is"
                    + " fetched from the network.");
        }
    }

    /**
     * Lints {@code files} (typically {@link ReflektProject#select}) and the shared definitions they use;
     * when {@code files} are all the project's event schemas, every definition, and those no event uses
     * get an {@code unused-definition} warning.
     */
    public CheckResult lint(List<SchemaFile> files) {
        return lint(files, null);
    }

    /**
     * As {@link #lint(List)}, when the caller knows whether {@code files} are every event schema of the project
     * (no selection), which saves listing {@code schemas/} again; null to have it checked.
     */
    public CheckResult lint(List<SchemaFile> files, Boolean everyEvent) {
        long start = System.nanoTime();
        Outcome[] results = new Outcome[files.size()];
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        if (files.size() < 64 || threads == 1) {
            for (int i = 0; i < results.length; i++) {
                results[i] = lintEvent(files.get(i));
            }
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.submit(() -> java.util.stream.IntStream.range(0, results.length)
                                .parallel()
                                .forEach(i -> results[i] = lintEvent(files.get(i))))
                        .join();
            } finally {
                pool.shutdown();
            }
        }
        List<CheckResult.FileResult> out = new ArrayList<>(results.length);
        if (!definitions.isEmpty()) {
            out.addAll(lintDefinitions(files, results, everyEvent));
        }
        for (Outcome o : results) {
            out.add(o.result());
        }
        return new CheckResult(out, (System.nanoTime() - start) / 1_000_000);
    }

    /** A linted file and the definitions it uses. */
    private record Outcome(CheckResult.FileResult result, Set<String> uses) {}

    private List<CheckResult.FileResult> lintDefinitions(
            List<SchemaFile> files, Outcome[] results, Boolean everyEvent) {
        Set<String> used = new TreeSet<>();
        for (Outcome o : results) {
            used.addAll(o.uses());
        }
        boolean whole = everyEvent != null ? everyEvent : coversEveryEvent(files);
        List<CheckResult.FileResult> out = new ArrayList<>();
        for (Definitions.Loaded d : definitions.files().values()) {
            if (!whole && !used.contains(d.id())) {
                continue;
            }
            SchemaFile file = new SchemaFile(project.schemasDir().resolve(d.id()), d.id());
            Outcome o = d.readable()
                    ? check(file, d.tree(), true)
                    : new Outcome(unreadable(file, d.error(), d.errorAt()), Set.of());
            if (whole && !used.contains(d.id()) && d.readable()) {
                SchemaDocument doc = new SchemaDocument(file, d.tree(), options, true);
                doc.report(
                        LintRule.UNUSED_DEFINITION,
                        "",
                        "definition " + Definitions.label(d.id()) + " is used by no event schema",
                        "use it with {\"$ref\": \"" + "/" + d.id() + "\"} or delete it");
                List<Finding> merged = new ArrayList<>(o.result().findings());
                merged.addAll(doc.findings());
                merged.sort(Finding.ORDER);
                o = new Outcome(new CheckResult.FileResult(file.displayPath(), merged), Set.of());
            }
            out.add(o.result());
        }
        return out;
    }

    /** Whether {@code files} are every event schema of the project. */
    private boolean coversEveryEvent(List<SchemaFile> files) {
        try {
            Set<String> all = new HashSet<>();
            project.schemaFiles().forEach(f -> all.add(f.id()));
            Set<String> linted = new HashSet<>();
            files.forEach(f -> linted.add(f.id()));
            return linted.equals(all);
        } catch (ReflektException e) {
            return false;
        }
    }

    private CheckResult.FileResult unreadable(
            SchemaFile file, String reason, dev.reflekt.core.internal.json.Position at) {
        SchemaDocument broken = new SchemaDocument(file, null, options);
        broken.report(
                LintRule.JSON_SYNTAX,
                "",
                "malformed JSON at " + at + ": " + reason,
                "fix the syntax; the other schemas were still linted");
        List<Finding> findings = broken.findings().stream()
                .map(f -> new Finding(f.rule(), f.severity(), f.file(), at.line(), at.column(), f.message(), f.hint()))
                .toList();
        return new CheckResult.FileResult(file.displayPath(), findings);
    }

    /** Lints one file; never throws for what is in the file. */
    CheckResult.FileResult lintOne(SchemaFile file) {
        return lintEvent(file).result();
    }

    private Outcome lintEvent(SchemaFile file) {
        LocatedTree tree;
        try {
            tree = reader.readJson(file.path());
        } catch (ParseException e) {
            SchemaDocument broken = new SchemaDocument(file, null, options);
            if (e.overLimit()) {
                broken.report(
                        LintRule.JSON_SYNTAX,
                        "",
                        "not read: " + e.reason() + " (at " + e.position() + ")",
                        "split or simplify the schema; Reflekt reads schemas of up to 4 MiB and "
                                + LocatedTreeReader.MAX_DEPTH + " levels of nesting");
            } else {
                broken.report(
                        LintRule.JSON_SYNTAX,
                        "",
                        "malformed JSON at " + e.position() + ": " + e.reason(),
                        "fix the syntax; the other schemas were still linted");
            }
            return new Outcome(result(file, broken, e), Set.of());
        } catch (IOException e) {
            SchemaDocument unreadable = new SchemaDocument(file, null, options);
            unreadable.report(
                    LintRule.JSON_SYNTAX, "", "cannot read the file: " + e.getMessage(), "check its permissions");
            return new Outcome(result(file, unreadable, null), Set.of());
        }
        return check(file, tree, false);
    }

    private Outcome check(SchemaFile file, LocatedTree tree, boolean definition) {
        SchemaDocument doc = new SchemaDocument(file, tree, options, definition);
        if (definition ? isObject(doc) : hasStructure(doc)) {
            doc.resolve(definitions);
            for (SchemaRule rule : definition ? definitionRules : rules) {
                rule.check(doc);
            }
        }
        return new Outcome(
                result(file, doc, null),
                doc.resolved() == null ? Set.of() : doc.resolved().uses());
    }

    private static boolean isObject(SchemaDocument doc) {
        if (!doc.root().isObject()) {
            doc.report(
                    LintRule.SCHEMA_STRUCTURE,
                    "",
                    "the definition must be a JSON object, not " + kind(doc.root()),
                    "write it as a JSON Schema: {\"description\": ..., \"type\": ..., \"properties\": ...}");
            return false;
        }
        return true;
    }

    private static CheckResult.FileResult result(SchemaFile file, SchemaDocument doc, ParseException at) {
        List<Finding> found = doc.findings();
        if (found.isEmpty()) {
            return new CheckResult.FileResult(file.displayPath(), List.of()); // the usual case, without a stream
        }
        List<Finding> findings = found.stream()
                .map(f -> at == null
                        ? f
                        : new Finding(
                                f.rule(),
                                f.severity(),
                                f.file(),
                                at.position().line(),
                                at.position().column(),
                                f.message(),
                                f.hint()))
                .sorted(Finding.ORDER)
                .toList();
        return new CheckResult.FileResult(file.displayPath(), findings);
    }

    /** The shape every rule relies on; what is missing is a finding, not a crash. */
    private static boolean hasStructure(SchemaDocument doc) {
        JsonNode root = doc.root();
        if (!root.isObject()) {
            doc.report(
                    LintRule.SCHEMA_STRUCTURE,
                    "",
                    "the schema must be a JSON object, not " + kind(root),
                    "wrap it in { ... } with \"$id\", \"self\" and \"properties\"");
            return false;
        }
        boolean ok = true;
        JsonNode self = root.get("self");
        if (self == null || !self.isObject()) {
            doc.report(
                    LintRule.SCHEMA_STRUCTURE,
                    self == null ? "" : "/self",
                    self == null ? "the schema has no 'self' block" : "'self' must be an object, not " + kind(self),
                    "add \"self\": {\"vendor\": ..., \"name\": ..., \"format\": \"jsonschema\", \"version\": ...}");
            ok = false;
        }
        JsonNode properties = root.get("properties");
        if (properties == null || !properties.isObject()) {
            doc.report(
                    LintRule.SCHEMA_STRUCTURE,
                    properties == null ? "" : "/properties",
                    properties == null
                            ? "the schema has no 'properties'"
                            : "'properties' must be an object, not " + kind(properties),
                    "add \"properties\": { ... } (an empty {} for an event without properties)");
            ok = false;
        }
        return ok;
    }

    private static String kind(JsonNode node) {
        return node.isArray()
                ? "an array"
                : node.isTextual()
                        ? "a string"
                        : node.isNumber()
                                ? "a number"
                                : node.isBoolean() ? "a boolean" : node.isNull() ? "null" : "an object";
    }
}
