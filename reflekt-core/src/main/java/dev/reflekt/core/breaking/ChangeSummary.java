package dev.reflekt.core.breaking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.ParseException;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import dev.reflekt.core.project.SchemaVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a pull request changes in the schemas, for people: every schema added, changed or deleted against
 * the ref, each change to its properties on a line, breaking ones marked. Markdown ready to post as a
 * comment; schema text (names, values) only inside code spans, so that it cannot mention people, link or
 * inject HTML.
 */
public final class ChangeSummary {

    private ChangeSummary() {}

    /** The summary of the working tree of {@code project} against {@code baseline}. */
    public static String render(ReflektProject project, GitBaseline baseline, boolean requiredToOptionalBreaks)
            throws ReflektException {
        LocatedTreeReader reader = new LocatedTreeReader();
        Map<String, JsonNode> current = new TreeMap<>();
        Map<String, byte[]> texts = new HashMap<>();
        for (SchemaFile f : project.schemaFiles()) {
            try {
                byte[] text = LocatedTreeReader.read(f.path());
                texts.put(f.id(), text);
                current.put(f.id(), reader.readJson(text).root());
            } catch (IOException | ParseException e) {
                current.put(f.id(), null); // unreadable: lint says why; here it is only "changed"
            }
        }
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        int breaking = 0;
        for (Map.Entry<String, JsonNode> e : current.entrySet()) {
            String id = e.getKey();
            byte[] old = baseline.schemas().get(id);
            if (old == null) {
                Optional<String> previous = previousVersion(id, current);
                List<Change> changes =
                        previous.isPresent() && e.getValue() != null && current.get(previous.get()) != null
                                ? SchemaDiff.diff(current.get(previous.get()), e.getValue(), requiredToOptionalBreaks)
                                : List.of();
                breaking += (int) changes.stream().filter(Change::breaking).count();
                added.add("- " + code(id)
                        + (previous.isPresent()
                                ? ": a new version after " + code(version(previous.get()))
                                        + (majorWithoutBreak(previous.get(), id, changes)
                                                ? ", MAJOR without a structural break"
                                                : "")
                                        + lines(changes, "")
                                : ": a new event"));
                continue;
            }
            JsonNode after = e.getValue();
            if (after != null && java.util.Arrays.equals(old, texts.get(id))) {
                continue; // the text as published
            }
            JsonNode before = parse(reader, old);
            if (before != null && before.equals(after)) {
                continue;
            }
            List<Change> changes = before == null || after == null
                    ? List.of()
                    : SchemaDiff.diff(before, after, requiredToOptionalBreaks);
            breaking += (int) changes.stream().filter(Change::breaking).count();
            changed.add("- " + code(id) + lines(changes, changes.isEmpty() ? ": formatting only" : ""));
        }
        for (String id : baseline.schemas().keySet()) {
            if (!current.containsKey(id)) {
                breaking++;
                deleted.add("- " + code(id) + " **breaking**: a published version was deleted");
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# Schema changes against ")
                .append(code(baseline.ref()))
                .append(" (")
                .append(baseline.commit(), 0, Math.min(12, baseline.commit().length()))
                .append(")\n\n");
        if (added.isEmpty() && changed.isEmpty() && deleted.isEmpty()) {
            return out.append("No schema changes.\n").toString();
        }
        out.append(added.size())
                .append(" added, ")
                .append(changed.size())
                .append(" changed, ")
                .append(deleted.size())
                .append(" deleted; ")
                .append(breaking)
                .append(" breaking change")
                .append(breaking == 1 ? "" : "s")
                .append(".\n");
        section(out, "Added", added);
        section(out, "Changed", changed);
        section(out, "Deleted", deleted);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<String> items) {
        if (!items.isEmpty()) {
            out.append("\n## ").append(title).append("\n\n");
            items.forEach(i -> out.append(i).append('\n'));
        }
    }

    /** The changes as nested list lines, breaking first; {@code empty} when there are none. */
    private static String lines(List<Change> changes, String empty) {
        if (changes.isEmpty()) {
            return empty;
        }
        StringBuilder out = new StringBuilder();
        changes.stream()
                .sorted((a, b) -> Boolean.compare(b.breaking(), a.breaking()))
                .forEach(c -> out.append("\n  - ")
                        .append(c.proven() ? "**breaking** " : c.breaking() ? "**not proven compatible** " : "")
                        .append(c.kind().label())
                        .append(c.path().isEmpty() ? "" : " " + code(c.path()))
                        .append(c.detail().isEmpty() ? "" : ": " + code(c.detail())));
        return out.toString();
    }

    /** Whether {@code id} bumps MAJOR over {@code previous} with no breaking change (a change of meaning). */
    private static boolean majorWithoutBreak(String previous, String id, List<Change> changes) {
        Optional<SchemaVersion> from = SchemaVersion.ofFileName(previous.substring(previous.lastIndexOf('/') + 1));
        Optional<SchemaVersion> to = SchemaVersion.ofFileName(id.substring(id.lastIndexOf('/') + 1));
        return from.isPresent()
                && to.isPresent()
                && from.get().major() != to.get().major()
                && changes.stream().noneMatch(Change::breaking);
    }

    /** The newest version of the same event below {@code id}'s, in the working tree. */
    private static Optional<String> previousVersion(String id, Map<String, JsonNode> current) {
        Optional<SchemaVersion> mine = SchemaVersion.ofFileName(id.substring(id.lastIndexOf('/') + 1));
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        String folder = id.substring(0, id.lastIndexOf('/') + 1);
        String best = null;
        SchemaVersion bestVersion = null;
        for (String other : current.keySet()) {
            if (!other.startsWith(folder) || other.indexOf('/', folder.length()) >= 0) {
                continue;
            }
            Optional<SchemaVersion> v = SchemaVersion.ofFileName(other.substring(folder.length()));
            if (v.isPresent()
                    && v.get().compareTo(mine.get()) < 0
                    && (bestVersion == null || v.get().compareTo(bestVersion) > 0)) {
                best = other;
                bestVersion = v.get();
            }
        }
        return Optional.ofNullable(best);
    }

    private static JsonNode parse(LocatedTreeReader reader, byte[] content) {
        try {
            return reader.readJson(new String(content, StandardCharsets.UTF_8)).root();
        } catch (ParseException e) {
            return null;
        }
    }

    private static String version(String id) {
        String name = id.substring(id.lastIndexOf('/') + 1);
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    /** Text as an inline code span: rendered literally (no mention, link or HTML); backticks and breaks made safe. */
    static String code(String text) {
        String t = text.replace('`', '\'').replaceAll("[\\r\\n\\t]+", " ");
        return "`" + (t.isEmpty() ? " " : t) + "`";
    }
}
