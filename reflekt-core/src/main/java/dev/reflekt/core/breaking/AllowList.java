package dev.reflekt.core.breaking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severity;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.ParseException;
import dev.reflekt.core.internal.json.Position;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaSelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Breaking changes a team accepted in review: {@code schemas/.reflekt/breaking-allow.yml}, a list of
 * {@code {id, reason, expires | ref}}. An entry applies until its {@code expires} date (inclusive), or only
 * while the comparison is against its {@code ref} (the base it was approved against), so that accepting a
 * break is itself a reviewed change that ends. Expired entries and entries that allow nothing are reported.
 */
final class AllowList {

    /** The file, relative to the project. */
    static final String FILE = ReflektProject.SCHEMAS_DIR + "/" + ReflektProject.META_DIR + "/breaking-allow.yml";

    private record Entry(String id, String expires, String ref, Position at) {}

    private final List<Entry> entries;
    private final Set<Entry> used = new HashSet<>();
    private final LocalDate today;
    private final GitBaseline baseline;

    private AllowList(List<Entry> entries, LocalDate today, GitBaseline baseline) {
        this.entries = entries;
        this.today = today;
        this.baseline = baseline;
    }

    /** The project's allow file, or an empty list without one; a malformed file is an error with line:col. */
    static AllowList load(ReflektProject project, LocalDate today, GitBaseline baseline) throws ReflektException {
        Path file = project.dir().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new AllowList(List.of(), today, baseline);
        }
        LocatedTree tree;
        try {
            tree = new LocatedTreeReader().readYaml(file);
        } catch (ParseException e) {
            throw new ReflektException(FILE + ":" + e.position() + ": " + e.reason() + "; fix the YAML syntax.");
        } catch (IOException e) {
            throw new ReflektException("Cannot read " + FILE + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        JsonNode root = tree.root();
        if (!root.isArray()) {
            throw new ReflektException(FILE + ":1:1: expected a list of entries, each '- id: ..., reason: ...,"
                    + " expires: YYYY-MM-DD' (or 'ref: <base ref>').");
        }
        for (int i = 0; i < root.size(); i++) {
            JsonNode e = root.get(i);
            String at = FILE + ":" + tree.position("/" + i);
            String id = e.path("id").asText("").strip();
            String expires = e.path("expires").asText("").strip();
            String ref = e.path("ref").asText("").strip();
            if (!e.isObject() || id.isEmpty()) {
                problems.add(at + ": an entry needs 'id' (the schema, e.g. shop/Cart_Viewed/1-0).");
                continue;
            }
            if (e.path("reason").asText("").isBlank()) {
                problems.add(at + ": entry '" + id + "' needs a 'reason' saying why the break is accepted.");
            }
            if (e.has("ref") && !e.get("ref").isTextual()) {
                problems.add(at + ": entry '" + id + "' has a ref YAML reads as a "
                        + e.get("ref").getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                        + "; quote it (ref: '0123abc') so that YAML keeps it as written.");
            }
            if (expires.isEmpty() == ref.isEmpty()) {
                problems.add(at + ": entry '" + id + "' needs exactly one of 'expires: YYYY-MM-DD' or 'ref: <the base"
                        + " ref it was approved against>', so that it stops applying.");
            }
            if (!expires.isEmpty()) {
                try {
                    LocalDate.parse(expires);
                } catch (DateTimeParseException x) {
                    problems.add(
                            at + ": entry '" + id + "' has expires '" + expires + "'; write a date as YYYY-MM-DD.");
                }
            }
            entries.add(new Entry(SchemaSelector.normalize(id), expires, ref, tree.position("/" + i)));
        }
        if (!problems.isEmpty()) {
            throw new ReflektException(problems);
        }
        return new AllowList(entries, today, baseline);
    }

    /** Whether a current entry accepts breaks of schema {@code id}; the entry then counts as used. */
    boolean allows(String id) {
        String wanted = SchemaSelector.normalize(id);
        for (Entry e : entries) {
            if (e.id().equals(wanted) && current(e)) {
                used.add(e);
                return true;
            }
        }
        return false;
    }

    private boolean current(Entry e) {
        if (!e.expires().isEmpty()) {
            return !today.isAfter(LocalDate.parse(e.expires()));
        }
        return e.ref().equals(baseline.ref()) || baseline.commit().startsWith(e.ref());
    }

    /** A finding for each entry that has expired, no longer applies, or allowed nothing in this run. */
    List<Finding> stale(Severity severity) {
        List<Finding> out = new ArrayList<>();
        if (severity == Severity.OFF) {
            return out;
        }
        for (Entry e : entries) {
            String why;
            if (!current(e)) {
                why = e.expires().isEmpty()
                        ? "applies only against " + e.ref() + ", not " + baseline.ref()
                        : "expired on " + e.expires();
            } else if (!used.contains(e)) {
                why = "allows nothing: " + e.id() + " has no breaking change against " + baseline.ref();
            } else {
                continue;
            }
            out.add(new Finding(
                    BreakingRule.ALLOW_STALE,
                    severity,
                    FILE,
                    e.at().line(),
                    e.at().column(),
                    "entry '" + e.id() + "' " + why,
                    "remove the entry, so that the file lists only breaks still being accepted"));
        }
        return out;
    }
}
