package dev.reflekt.core.breaking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.definitions.Resolved;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.finding.Severity;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.ParseException;
import dev.reflekt.core.internal.json.Position;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import dev.reflekt.core.project.SchemaSelector;
import dev.reflekt.core.project.SchemaVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compares the working tree's schemas with a {@link GitBaseline} and enforces Reflekt's versioning
 * model: existing versions change only compatibly and only while they are the newest; a new version
 * bumps MAJOR for a breaking change and MINOR for a compatible one; versions are never deleted; numbers
 * are not skipped.
 *
 * <p>Files that cannot be read are left to {@code reflekt:lint}, which reports them.
 */
public final class BreakingChecker {

    private final ReflektProject project;
    private final Severities severities;
    private final Set<String> allowed;
    private final boolean requiredToOptionalBreaks;
    private final LocatedTreeReader reader = new LocatedTreeReader();
    private AllowList allowList;

    /**
     * @param allow schema ids whose known breaks are accepted ({@code jaffle_shop/Order_Completed/1-0},
     *     with or without {@code schemas/} and {@code .json})
     * @param requiredToOptionalBreaks whether required → optional breaks consumers (Redshift targets)
     */
    public BreakingChecker(
            ReflektProject project, Severities severities, List<String> allow, boolean requiredToOptionalBreaks) {
        this.project = project;
        this.severities = severities;
        this.allowed = allow.stream()
                .map(SchemaSelector::normalize)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        this.requiredToOptionalBreaks = requiredToOptionalBreaks;
    }

    /**
     * A schema (or shared definition) of the working tree, parsed, with its event folder, version and its
     * {@code $ref}s resolved.
     */
    private record Current(
            SchemaFile file, byte[] text, LocatedTree tree, String event, SchemaVersion version, Resolved resolved) {

        JsonNode json() {
            return resolved.ok() ? resolved.json() : tree.root();
        }

        boolean definition() {
            return file.id().startsWith(Definitions.PREFIX);
        }
    }

    /** Checks every schema of the working tree against {@code baseline}. */
    public CheckResult check(GitBaseline baseline) throws ReflektException {
        return check(baseline, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    /** As {@link #check(GitBaseline)}, on {@code today} (for the allow file's expiry dates). */
    public CheckResult check(GitBaseline baseline, java.time.LocalDate today) throws ReflektException {
        long start = System.nanoTime();
        allowList = AllowList.load(project, today, baseline);
        Map<String, Current> current = new TreeMap<>();
        Map<String, TreeMap<SchemaVersion, Current>> byEvent = new HashMap<>();
        Definitions definitions = Definitions.of(project);
        Definitions baseDefinitions = Definitions.of(baseline.definitions());
        List<SchemaFile> all = new ArrayList<>(project.definitionFiles());
        all.addAll(project.schemaFiles());
        for (SchemaFile file : all) {
            Optional<SchemaVersion> version =
                    SchemaVersion.ofFileName(file.path().getFileName().toString());
            byte[] text = read(file);
            Optional<LocatedTree> tree = text == null ? Optional.empty() : parse(text);
            if (version.isEmpty() || tree.isEmpty() || !tree.get().root().isObject()) {
                continue;
            }
            Current c = new Current(
                    file,
                    text,
                    tree.get(),
                    event(file.id()),
                    version.get(),
                    definitions.resolve(file.id(), tree.get()));
            current.put(file.id(), c);
            byEvent.computeIfAbsent(c.event(), e -> new TreeMap<>()).put(c.version(), c);
        }

        Map<String, List<Finding>> findings = new TreeMap<>();
        for (SchemaFile file : all) {
            findings.put(file.displayPath(), new ArrayList<>());
        }
        Map<String, byte[]> published = new HashMap<>(baseline.schemas());
        published.putAll(baseline.definitions());
        for (Current c : current.values()) {
            List<Finding> out = findings.get(c.file().displayPath());
            byte[] old = published.get(c.file().id());
            if (old != null && !c.tree().hasRefs() && java.util.Arrays.equals(old, c.text())) {
                continue; // the text as published, referencing nothing: the same schema, no change to check
            }
            Optional<JsonNode> before =
                    old == null ? Optional.empty() : parse(old, c.file().id(), baseDefinitions);
            if (old != null && before.isPresent()) {
                checkInPlace(c, before.get(), byEvent.get(c.event()), baseline, out, current.values());
            } else if (old == null) {
                checkNewVersion(c, byEvent.get(c.event()), out);
            }
        }
        for (String id : new java.util.TreeSet<>(published.keySet())) {
            if (!current.containsKey(id)
                    && !project.schemasDir().resolve(id).toFile().isFile()) {
                String shown = ReflektProject.SCHEMAS_DIR + "/" + id;
                List<Finding> out = findings.computeIfAbsent(shown, k -> new ArrayList<>());
                report(
                        out,
                        id,
                        shown,
                        BreakingRule.VERSION_DELETED,
                        Position.START,
                        "version " + version(id) + " exists at " + baseline.ref() + " but was deleted",
                        "restore it: published versions stay (stop sending the event instead of deleting its schema)");
            }
        }

        List<Finding> stale = allowList.stale(severities.severity(BreakingRule.ALLOW_STALE));
        if (!stale.isEmpty()) {
            findings.put(AllowList.FILE, new ArrayList<>(stale));
        }
        List<CheckResult.FileResult> files = new ArrayList<>();
        findings.forEach((file, list) -> files.add(new CheckResult.FileResult(
                file, list.stream().sorted(Finding.ORDER).toList())));
        return new CheckResult(files, (System.nanoTime() - start) / 1_000_000);
    }

    /** Rule 1: an existing version changes only compatibly, and only while it is the newest. */
    private void checkInPlace(
            Current c,
            JsonNode before,
            TreeMap<SchemaVersion, Current> versions,
            GitBaseline baseline,
            List<Finding> out,
            java.util.Collection<Current> all) {
        List<Change> changes = SchemaDiff.diff(before, c.json(), requiredToOptionalBreaks);
        if (changes.isEmpty()) {
            return;
        }
        List<Change> breaking = changes.stream().filter(Change::breaking).toList();
        SchemaVersion next = versions.lastKey().nextMajor();
        String users = c.definition() ? users(c, all) : "";
        for (Change change : breaking) {
            String through = through(c.resolved(), change.pointer());
            if (c.definition() && through != null) {
                continue; // reported at the definition that changed
            }
            report(
                    out,
                    c,
                    BreakingRule.BREAKING_IN_PLACE,
                    change.pointer(),
                    (c.definition()
                                    ? "changing " + Definitions.label(c.file().id()) + " breaks " + users + " (vs "
                                            + baseline.ref() + "): "
                                    : (change.proven() ? "breaking change" : "change not proven compatible")
                                            + " to existing version " + c.version() + " (vs " + baseline.ref()
                                            + "): ")
                            + change.describe()
                            + (through == null ? "" : ", through " + through),
                    c.definition()
                            ? "revert it here and make the change in a new version " + next
                                    + ".json of the definition, then point the events that need it there"
                            : through == null
                                    ? "revert it here and make the change in a new version " + next + ".json"
                                    : "revert " + through + ", or make a new version " + next
                                            + ".json of this event that uses a new version of the definition");
        }
        SchemaVersion newest = versions.lastKey();
        if (breaking.isEmpty() && newest.compareTo(c.version()) > 0) {
            Change first = changes.get(0);
            report(
                    out,
                    c,
                    BreakingRule.EDIT_SUPERSEDED,
                    first.pointer(),
                    "version " + c.version() + " (at " + baseline.ref() + ") is superseded by " + newest
                            + " and must not change: " + first.describe() + more(changes),
                    "make the change in " + newest + ".json, or in a new version " + newest.nextMinor() + ".json");
        }
    }

    /** Rules 2 and 4: a new version's number says what kind of change it makes to its predecessor. */
    private void checkNewVersion(Current c, TreeMap<SchemaVersion, Current> versions, List<Finding> out) {
        var previous = versions.lowerEntry(c.version());
        if (previous == null) {
            return;
        }
        SchemaVersion from = previous.getKey();
        List<Change> changes = SchemaDiff.diff(previous.getValue().json(), c.json(), requiredToOptionalBreaks);
        List<Change> breaking = changes.stream().filter(Change::breaking).toList();
        SchemaVersion to = c.version();
        if (!breaking.isEmpty()) {
            // a proven break decides the message; changes the comparison could not prove compatible say so
            Change first = breaking.stream().filter(Change::proven).findFirst().orElse(breaking.get(0));
            String what = to + " changes " + from
                    + (first.proven() ? " incompatibly: " : " in a way not proven" + " compatible: ") + first.describe()
                    + more(breaking);
            if (to.major() == from.major()) {
                report(
                        out,
                        c,
                        BreakingRule.VERSION_BUMP,
                        first.pointer(),
                        what + ", but bumps only MINOR",
                        "a breaking change needs the next MAJOR: rename the file to " + from.nextMajor() + ".json");
            } else if (to.minor() != 0) {
                report(
                        out,
                        c,
                        BreakingRule.VERSION_BUMP,
                        "/self/version",
                        what + ", and a new MAJOR starts at MINOR 0",
                        "rename the file to " + to.major() + "-0.json");
            } else if (to.major() > from.major() + 1) {
                report(
                        out,
                        c,
                        BreakingRule.VERSION_SKIPPED,
                        "/self/version",
                        "version " + to + " follows " + from + " and skips MAJOR " + (from.major() + 1),
                        "rename the file to " + from.nextMajor() + ".json");
            }
        } else if (to.major() != from.major()) {
            majorWithoutBreak(c, from, to, changes, out);
        } else if (to.minor() > from.minor() + 1) {
            report(
                    out,
                    c,
                    BreakingRule.VERSION_SKIPPED,
                    "/self/version",
                    "version " + to + " follows " + from + " and skips " + from.nextMinor(),
                    "rename the file to " + from.nextMinor() + ".json");
        }
    }

    /**
     * A MAJOR whose diff finds no break: the author's call when the meaning changed (a field that now counts something
     * else), which no structural diff sees. A warning, or info when {@code self.metadata.major_reason} says why; the
     * numbering rules still hold (MINOR reset, no MAJOR skipped).
     */
    private void majorWithoutBreak(
            Current c, SchemaVersion from, SchemaVersion to, List<Change> changes, List<Finding> out) {
        if (to.minor() != 0) {
            report(
                    out,
                    c,
                    BreakingRule.VERSION_BUMP,
                    "/self/version",
                    to + " bumps MAJOR from " + from + ", and a new MAJOR starts at MINOR 0",
                    "rename the file to " + to.major() + "-0.json");
            return;
        }
        if (to.major() > from.major() + 1) {
            report(
                    out,
                    c,
                    BreakingRule.VERSION_SKIPPED,
                    "/self/version",
                    "version " + to + " follows " + from + " and skips MAJOR " + (from.major() + 1),
                    "rename the file to " + from.nextMajor() + ".json");
        }
        String found = changes.isEmpty()
                ? "no change"
                : "only compatible changes: " + changes.get(0).describe() + more(changes);
        JsonNode reason = c.json().path("self").path("metadata").path("major_reason");
        boolean explained = reason.isTextual() && !reason.asText().isBlank();
        report(
                out,
                c,
                BreakingRule.MAJOR_WITHOUT_BREAK,
                explained ? "/self/metadata/major_reason" : "/self/version",
                to + " bumps MAJOR from " + from + " without a structural break (" + found + ")"
                        + (explained ? "; self.metadata.major_reason says why" : ""),
                explained
                        ? ""
                        : "a MAJOR is right when the meaning changed: say why in self.metadata.major_reason;"
                                + " otherwise rename the file to " + from.nextMinor() + ".json",
                explained ? Severity.INFO : null);
    }

    private static String more(List<Change> changes) {
        return changes.size() > 1 ? " (+" + (changes.size() - 1) + " more)" : "";
    }

    private void report(List<Finding> out, Current c, BreakingRule rule, String pointer, String message, String hint) {
        report(out, c, rule, pointer, message, hint, null);
    }

    /** @param lowered a severity below the configured one for this finding (info), or null */
    private void report(
            List<Finding> out,
            Current c,
            BreakingRule rule,
            String pointer,
            String message,
            String hint,
            Severity lowered) {
        report(out, c.file().id(), c.file().displayPath(), rule, c.tree().position(pointer), message, hint, lowered);
    }

    private void report(
            List<Finding> out, String id, String shown, BreakingRule rule, Position at, String message, String hint) {
        report(out, id, shown, rule, at, message, hint, null);
    }

    private void report(
            List<Finding> out,
            String id,
            String shown,
            BreakingRule rule,
            Position at,
            String message,
            String hint,
            Severity lowered) {
        Severity configured = severities.severity(rule);
        Severity severity = lowered != null && configured != Severity.OFF && lowered.compareTo(configured) > 0
                ? lowered
                : configured;
        if (severity == Severity.OFF
                || allowed.contains(SchemaSelector.normalize(id))
                || (rule != BreakingRule.VERSION_SKIPPED && allowList.allows(id))) {
            return;
        }
        out.add(new Finding(rule, severity, shown, at.line(), at.column(), message, hint));
    }

    private static byte[] read(SchemaFile file) {
        try {
            return LocatedTreeReader.read(file.path());
        } catch (IOException | ParseException e) {
            return null;
        }
    }

    private Optional<LocatedTree> parse(byte[] text) {
        try {
            return Optional.of(reader.readJson(text));
        } catch (IOException | ParseException e) {
            return Optional.empty();
        }
    }

    /** A baseline schema with its {@code $ref}s resolved against the baseline's definitions, when they resolve. */
    private Optional<JsonNode> parse(byte[] content, String id, Definitions definitions) {
        try {
            LocatedTree tree = reader.readJson(new String(content, StandardCharsets.UTF_8));
            if (!tree.root().isObject()) {
                return Optional.empty();
            }
            Resolved resolved = definitions.resolve(id, tree);
            return Optional.of(resolved.ok() ? resolved.json() : tree.root());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** {@code Order Completed 1-0, Cart Viewed 1-2}: the events of the working tree that use definition {@code c}. */
    private static String users(Current c, java.util.Collection<Current> all) {
        List<String> names = new ArrayList<>();
        for (Current e : all) {
            if (!e.definition() && e.resolved().uses().contains(c.file().id())) {
                names.add(e.tree().root().path("self").path("name").asText(e.event()) + " " + e.version());
            }
        }
        return names.isEmpty() ? "no event yet" : String.join(", ", names);
    }

    /** The definition the node at {@code pointer} of a resolved schema came from, or null. */
    private static String through(Resolved resolved, String pointer) {
        JsonNode node = resolved.json();
        String found = resolved.origin(node);
        if (!pointer.isEmpty()) {
            for (String token : pointer.substring(1).split("/", -1)) {
                node = node.isArray() ? node.path(parseIndex(token)) : node.path(LocatedTree.unescape(token));
                if (node.isMissingNode()) {
                    break;
                }
                String origin = resolved.origin(node);
                found = origin != null ? origin : found;
            }
        }
        return found;
    }

    private static int parseIndex(String token) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String event(String id) {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? "" : id.substring(0, slash);
    }

    private static String version(String id) {
        String name = id.substring(id.lastIndexOf('/') + 1);
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }
}
