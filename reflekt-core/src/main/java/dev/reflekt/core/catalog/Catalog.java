package dev.reflekt.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.definitions.Resolved;
import dev.reflekt.core.finding.Reports;
import dev.reflekt.core.internal.MarkdownText;
import dev.reflekt.core.internal.OutputFolder;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.ParseException;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import dev.reflekt.core.project.SchemaVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Markdown documentation of a project's schemas: one page per schema version and an index that lists
 * every event with its versions side by side. The Python CLI's {@code reflekt report}, plus the index.
 */
public final class Catalog {

    /** A rendered page: {@code id} is the schema's id, {@code markdown} its page. */
    public record Page(SchemaFile file, String markdown) {

        /** The page's path relative to the index: the schema id with {@code .md} for {@code .json}. */
        public String relativePath() {
            return file.id().substring(0, file.id().length() - ".json".length()) + ".md";
        }
    }

    private final List<Page> pages;
    private final String index;

    private Catalog(List<Page> pages, String index) {
        this.pages = pages;
        this.index = index;
    }

    /**
     * Renders {@code files} of {@code project}.
     *
     * @throws ReflektException naming every file that cannot be read (lint says why in detail)
     */
    public static Catalog of(ReflektProject project, List<SchemaFile> files) throws ReflektException {
        LocatedTreeReader reader = new LocatedTreeReader();
        List<Page> pages = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, TreeMap<SchemaVersion, Entry>> events = new TreeMap<>();
        Definitions definitions = Definitions.of(project);
        Map<String, Map<String, String>> users = new TreeMap<>();
        for (SchemaFile file : files) {
            JsonNode schema;
            Resolved resolved;
            try {
                LocatedTree tree = reader.readJson(file.path());
                schema = tree.root();
                resolved = definitions.resolve(file.id(), tree);
                if (!resolved.ok()) {
                    resolved.problems().forEach(p -> problems.add(p.describe()));
                    continue;
                }
            } catch (ParseException e) {
                problems.add(file.displayPath() + ":" + e.position() + ": " + e.reason()
                        + "; fix it (reflekt:lint lists every problem) and run the report again.");
                continue;
            } catch (IOException e) {
                problems.add(file.displayPath() + ": cannot read: " + e.getMessage());
                continue;
            }
            if (!schema.isObject()) {
                problems.add(file.displayPath() + ":1:1: not a JSON object; run reflekt:lint for details.");
                continue;
            }
            Page page = new Page(file, SchemaPage.render(file.id(), resolved.json(), resolved::origin));
            pages.add(page);
            String name = schema.path("self").path("name").asText(file.id()) + " "
                    + schema.path("self").path("version").asText("");
            resolved.uses()
                    .forEach(d -> users.computeIfAbsent(d, k -> new TreeMap<>()).put(file.id(), name.strip()));
            String event =
                    file.id().contains("/") ? file.id().substring(0, file.id().lastIndexOf('/')) : file.id();
            SchemaVersion version = SchemaVersion.ofFileName(
                            file.path().getFileName().toString())
                    .orElse(new SchemaVersion(0, 0));
            events.computeIfAbsent(event, e -> new TreeMap<>()).put(version, new Entry(page, schema));
        }
        if (!problems.isEmpty()) {
            throw new ReflektException(problems.stream().distinct().toList());
        }
        List<Page> definitionPages = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> d : users.entrySet()) {
            var loaded = definitions.get(d.getKey()).orElseThrow();
            Resolved resolved = definitions.resolve(d.getKey(), loaded.tree());
            definitionPages.add(new Page(
                    new SchemaFile(project.schemasDir().resolve(d.getKey()), d.getKey()),
                    SchemaPage.renderDefinition(d.getKey(), resolved.json(), resolved::origin, d.getValue())));
        }
        String index = index(project.config().name(), events);
        if (!definitionPages.isEmpty()) {
            StringBuilder more = new StringBuilder(index).append("\n## Shared definitions\n\n");
            more.append("| Definition | Used by |\n| --- | --- |\n");
            for (Page page : definitionPages) {
                String id = page.file().id();
                more.append("| [")
                        .append(MarkdownText.cell(Definitions.label(id)))
                        .append("](")
                        .append(page.relativePath().replace(" ", "%20"))
                        .append(") | ")
                        .append(users.get(id).size())
                        .append(users.get(id).size() == 1 ? " event schema" : " event schemas")
                        .append(" |\n");
            }
            index = more.toString();
        }
        List<Page> all = new ArrayList<>(definitionPages);
        all.addAll(pages);
        return new Catalog(all, index);
    }

    private record Entry(Page page, JsonNode schema) {}

    private static String index(String projectName, Map<String, TreeMap<SchemaVersion, Entry>> events) {
        StringBuilder md = new StringBuilder();
        md.append("# Event catalog: ").append(projectName).append("\n\n");
        md.append(events.size())
                .append(events.size() == 1 ? " event" : " events")
                .append(", ")
                .append(events.values().stream().mapToInt(Map::size).sum())
                .append(" schema versions.\n\n");
        md.append("| Event | Schema | Versions | Description |\n| --- | --- | --- | --- |\n");
        Map<String, String> rows = new LinkedHashMap<>();
        for (Map.Entry<String, TreeMap<SchemaVersion, Entry>> e : events.entrySet()) {
            Entry latest = e.getValue().lastEntry().getValue();
            List<String> links = new ArrayList<>();
            e.getValue()
                    .forEach((v, entry) -> links.add("["
                            + entry.page()
                                    .file()
                                    .path()
                                    .getFileName()
                                    .toString()
                                    .replace(".json", "") + "]("
                            + entry.page().relativePath().replace(" ", "%20") + ")"));
            rows.put(
                    e.getKey(),
                    "| "
                            + MarkdownText.cell(
                                    latest.schema().path("self").path("name").asText(e.getKey()))
                            + " | `" + e.getKey() + "` | " + String.join(" · ", links) + " | "
                            + MarkdownText.cell(
                                    latest.schema().path("description").asText("")) + " |\n");
        }
        rows.values().forEach(md::append);
        return md.toString();
    }

    /**
     * Writes {@code index.md} and one page per schema under {@code folder}, replacing what an earlier run wrote there
     * as a whole ({@link OutputFolder}); a folder holding files Reflekt did not write is refused, never emptied.
     *
     * @throws ReflektException when {@code folder} holds files Reflekt did not write
     */
    public void write(Path folder) throws IOException, ReflektException {
        Map<String, String> files = new java.util.TreeMap<>();
        files.put("index.md", index);
        for (Page page : pages) {
            files.put(page.relativePath(), page.markdown());
        }
        OutputFolder.replace(folder, files, Path::toString);
    }

    /** Writes each page beside its schema: {@code schemas/<event>/1-0.md}. */
    public void writeBesideSchemas() throws IOException {
        for (Page page : pages) {
            String name = page.file().path().getFileName().toString().replace(".json", ".md");
            Reports.writeAtomically(page.file().path().resolveSibling(name), page.markdown());
        }
    }

    /** One page per schema, in path order. */
    public List<Page> pages() {
        return pages;
    }

    /** The index page: every event with its versions side by side, linking the pages. */
    public String index() {
        return index;
    }
}
