package dev.reflekt.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.definitions.Resolved;
import dev.reflekt.core.finding.Finding;
import dev.reflekt.core.finding.Reports;
import dev.reflekt.core.finding.Severity;
import dev.reflekt.core.internal.LogText;
import dev.reflekt.core.internal.SafePath;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.ParseException;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.project.Profiles;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import dev.reflekt.core.project.SchemaSelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Schemas to and from a registry: the push of schema files (already linted by the caller) and the pull into
 * {@code schemas/}. The goals around them are {@code command.PushCommand} and {@code command.PullCommand}.
 */
public final class RegistrySync {

    /** Keys of a registry entry that hold credentials; none may come from two places. */
    private static final Set<String> SECRET_KEYS =
            Set.of("api_token", "api_key", "username", "password", "service_account_name", "service_account_secret");

    private RegistrySync() {}

    /**
     * A push.
     *
     * @param registry how messages name the registry
     * @param credentials where the credentials came from, never what they are
     * @param plan what was (or, on a dry run, would be) done
     * @param outcomes one per change; empty on a dry run
     */
    public record PushResult(String registry, String credentials, PushPlan plan, List<PushOutcome> outcomes) {}

    /**
     * A pull.
     *
     * @param registry how messages name the registry
     * @param written files written, relative to the project
     * @param unchanged files already as the registry has them
     * @param kept local files that differ from the registry and were not overwritten
     * @param notes what was skipped and why
     * @param refused schemas not written because their names would leave their folder or make unsafe
     *     names; a pull with any fails
     * @param findings lint findings of the written files; a pull with an error among them fails
     * @param writtenSchemas the event schemas written (not definitions), for the caller to lint
     */
    public record PullResult(
            String registry,
            List<String> written,
            List<String> unchanged,
            List<String> kept,
            List<String> notes,
            List<String> refused,
            List<Finding> findings,
            List<SchemaFile> writtenSchemas) {

        /** This pull with the lint findings of what it wrote. */
        public PullResult withFindings(List<Finding> lintFindings) {
            return new PullResult(registry, written, unchanged, kept, notes, refused, lintFindings, writtenSchemas);
        }

        /** Whether the pull wrote what it should: nothing refused, no lint error in what it wrote. */
        public boolean clean() {
            return refused.isEmpty() && findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
        }
    }

    /** Plans and (unless dry) applies the push of {@code files}, which the caller has linted. */
    public static PushResult push(
            ReflektProject project,
            List<SchemaFile> files,
            RegistryRequest request,
            RetryPolicy policy,
            Consumer<String> log,
            HttpTransport.Sleeper sleeper)
            throws ReflektException {
        Connected registry = connect(project, request, policy, log, sleeper);
        RegistryClient client = registry.client();
        List<RegistryClient.Schema> schemas = new ArrayList<>();
        LocatedTreeReader reader = new LocatedTreeReader();
        Definitions definitions = Definitions.of(project);
        java.util.Set<String> used = new java.util.TreeSet<>();
        for (SchemaFile f : files) {
            try {
                LocatedTree tree = reader.readJson(f.path());
                Resolved resolved = definitions.resolveOrThrow(f.id(), tree);
                if (client.keepsReferences()) {
                    schemas.add(new RegistryClient.Schema(
                            f.id(), tree.root(), definitions.directReferences(f.id(), tree.root())));
                    used.addAll(resolved.uses());
                } else {
                    schemas.add(new RegistryClient.Schema(f.id(), resolved.json()));
                }
            } catch (IOException | ParseException e) {
                throw new ReflektException("Cannot read " + f.displayPath() + ": " + e.getMessage(), e);
            }
        }
        schemas.addAll(0, definitionsFirst(definitions, used));
        java.util.Set<String> allIds = new java.util.HashSet<>();
        project.schemaFiles().forEach(f -> allIds.add(f.id()));
        PushPlan plan = client.plan(schemas, allIds, request.delete());
        List<PushOutcome> outcomes = request.dryRun() ? List.of() : client.apply(plan);
        return new PushResult(client.name(), registry.credentials(), plan, outcomes);
    }

    /**
     * The shared definitions {@code used}, each after the definitions it uses, so that a registry can
     * register what a schema references before the schema.
     */
    private static List<RegistryClient.Schema> definitionsFirst(Definitions definitions, java.util.Set<String> used) {
        List<RegistryClient.Schema> out = new ArrayList<>();
        java.util.Set<String> placed = new java.util.HashSet<>();
        for (String id : used) {
            place(definitions, id, placed, out);
        }
        return out;
    }

    private static void place(
            Definitions definitions, String id, java.util.Set<String> placed, List<RegistryClient.Schema> out) {
        if (!placed.add(id)) {
            return;
        }
        JsonNode json = definitions.get(id).orElseThrow().tree().root();
        Map<String, String> references = definitions.directReferences(id, json);
        for (String target : new java.util.TreeSet<>(references.values())) {
            place(definitions, target, placed, out);
        }
        out.add(new RegistryClient.Schema(id, json, references));
    }

    /** Pulls every schema (or the selection) into {@code schemas/}; the result lists what it wrote, not yet linted. */
    public static PullResult pull(
            ReflektProject project,
            RegistryRequest request,
            RetryPolicy policy,
            Consumer<String> log,
            HttpTransport.Sleeper sleeper)
            throws ReflektException {
        Path root = project.schemasDir().toAbsolutePath().normalize();
        realFolder(project, root);
        RegistryClient client = connect(project, request, policy, log, sleeper).client();
        List<String> notes = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<RegistryClient.Schema> pulled = client.pull(request.select(), notes::add);
        List<SchemaFile> candidates = new ArrayList<>();
        Map<String, JsonNode> byId = new java.util.TreeMap<>();
        Map<String, List<RegistryClient.Schema>> sameId = new java.util.LinkedHashMap<>();
        for (RegistryClient.Schema s : pulled) {
            sameId.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(s);
        }
        for (List<RegistryClient.Schema> group : sameId.values()) {
            RegistryClient.Schema s = group.get(0);
            long different =
                    group.stream().map(RegistryClient.Schema::json).distinct().count();
            if (different > 1) {
                refused.add("Refused '" + LogText.line(s.id()) + "' from " + client.name() + ": the registry holds "
                        + different + " different schemas with this $id, and neither is written; keep one of them in"
                        + " the registry.");
                continue;
            }
            Path target;
            try {
                target = root.resolve(s.id()).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                refused.add("Refused '" + LogText.line(s.id()) + "' from " + client.name() + ": not a file name here ("
                        + e.getReason() + "); fix the schema in the registry.");
                continue;
            }
            if (!target.startsWith(root)
                    || !s.id().endsWith(".json")
                    || (target.startsWith(root.resolve(ReflektProject.META_DIR))
                            && !target.startsWith(root.resolve(ReflektProject.DEFINITIONS_DIR)))) {
                notes.add("Skipped '" + s.id() + "': not a path inside schemas/.");
                continue;
            }
            String unsafe = unsafeName(s);
            if (unsafe != null) {
                refused.add("Refused '" + LogText.line(s.id()) + "' from " + client.name() + ": " + unsafe
                        + "; fix the schema in the registry.");
                continue;
            }
            candidates.add(new SchemaFile(target, s.id()));
            byId.put(s.id(), s.json());
        }
        List<SchemaFile> selected = SchemaSelector.select(candidates, request.select());
        Definitions definitions = Definitions.of(project);
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        LocatedTreeReader reader = new LocatedTreeReader();
        for (SchemaFile f : selected) {
            try {
                JsonNode json = byId.get(f.id());
                if (Files.isRegularFile(f.path())) {
                    JsonNode local = null;
                    JsonNode inlined = null;
                    try {
                        LocatedTree tree = reader.readJson(f.path());
                        local = tree.root();
                        Resolved resolved = definitions.resolve(f.id(), tree);
                        inlined = resolved.ok() ? resolved.json() : null;
                    } catch (ParseException e) {
                        // a broken local file differs from the registry's
                    }
                    // A registry that stores schemas inlined (Iglu, Segment) gives back the file with its $refs
                    // resolved: that is the same schema.
                    if (json.equals(local) || json.equals(inlined)) {
                        unchanged.add(f.displayPath());
                        continue;
                    }
                    if (!request.force()) {
                        kept.add(f.displayPath());
                        continue;
                    }
                }
                if (SafePath.create(root, f.id()) == null) {
                    refused.add("Refused '" + f.displayPath() + "': a link in schemas/ leads out of the project.");
                    continue;
                }
                Reports.writeAtomically(f.path(), Json.pretty(json));
                written.add(f.displayPath());
            } catch (IOException e) {
                // one file that cannot be written stops neither the others nor the report of what happened
                refused.add("Refused '" + LogText.line(f.displayPath()) + "': cannot write it ("
                        + LogText.line(String.valueOf(e.getMessage())) + ").");
            }
        }
        List<SchemaFile> writtenFiles = selected.stream()
                .filter(f -> written.contains(f.displayPath()) && !f.id().startsWith(Definitions.PREFIX))
                .toList();
        return new PullResult(client.name(), written, unchanged, kept, notes, refused, List.of(), writtenFiles);
    }

    /** The real path of {@code schemas/}; an error when it is a link that leads out of the project. */
    private static Path realFolder(ReflektProject project, Path root) throws ReflektException {
        try {
            Path projectReal = project.dir().toRealPath();
            if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(root);
            }
            Path real = root.toRealPath();
            if (!real.startsWith(projectReal)) {
                throw new ReflektException("schemas/ is a link to " + real + ", outside the project; Reflekt pulls"
                        + " only into the project's own schemas/ folder. Replace the link by a folder.");
            }
            return real;
        } catch (IOException e) {
            throw new ReflektException("Cannot use " + root + " for pulled schemas: " + e.getMessage(), e);
        }
    }

    /**
     * Why a pulled schema's path or {@code self} names are unsafe (a folder or file name that is not one, a
     * separator or control character in a name), or null. Such a schema is not written: the next build
     * would make table and file names of them.
     */
    static String unsafeName(RegistryClient.Schema s) {
        for (String segment : s.id().split("/", -1)) {
            String problem = SafePath.problem(segment);
            if (problem != null) {
                return "its path has " + problem;
            }
        }
        for (String key : List.of("vendor", "name")) {
            JsonNode v = s.json().path("self").path(key);
            if (v.isTextual()
                    && (hasUnsafeChar(v.asText())
                            || v.asText().contains("/")
                            || v.asText().contains(".."))) {
                return "self." + key + " '" + LogText.line(v.asText()) + "' holds '/', '..', '\\' or a control"
                        + " character";
            }
        }
        return null;
    }

    private static boolean hasUnsafeChar(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\' || c == ':');
    }

    /** The client of the chosen registry, and where its credentials came from. */
    private record Connected(RegistryClient client, String credentials) {}

    private static Connected connect(
            ReflektProject project,
            RegistryRequest request,
            RetryPolicy policy,
            Consumer<String> log,
            HttpTransport.Sleeper sleeper)
            throws ReflektException {
        ProfileEntry entry = entry(project, request).resolved();
        String credentials = credentials(entry, request);
        return new Connected(
                Registries.client(entry, request.secrets(), project.config(), policy, log, sleeper), credentials);
    }

    private static ProfileEntry entry(ReflektProject project, RegistryRequest request) throws ReflektException {
        Profiles.Profile profile = project.profiles(request.env()).profile(request.profile());
        if (profile.registries().isEmpty()) {
            throw new ReflektException("Profile '" + profile.name() + "' has no registry: add one under 'registry:' in "
                    + project.display(project.profilesFile()) + " (type: iglu, confluent, segment or avo).");
        }
        String wanted = request.registry();
        if (wanted == null || wanted.isBlank()) {
            return profile.registries().get(0);
        }
        return profile.registries().stream()
                .filter(e -> e.id().equals(wanted) || e.type().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new ReflektException("Profile '" + profile.name() + "' has no registry '" + wanted
                        + "'; it has "
                        + profile.registries().stream().map(ProfileEntry::id).toList()
                        + ". Name one with -Dreflekt.registry=<id or type>."));
    }

    /** Where the credentials come from; an error when both the profile and settings.xml give them. */
    private static String credentials(ProfileEntry entry, RegistryRequest request) throws ReflektException {
        List<String> inProfile =
                entry.keys().stream().filter(SECRET_KEYS::contains).sorted().toList();
        if (!request.secrets().isEmpty()) {
            if (!inProfile.isEmpty()) {
                throw new ReflektException("Registry '" + entry.id() + "' gets credentials from both "
                        + request.secretsOrigin() + " and the profile (" + String.join(", ", inProfile) + " from "
                        + entry.origin(inProfile.get(0)) + "); keep one of them.");
            }
            return request.secretsOrigin();
        }
        if (inProfile.isEmpty()) {
            return "none";
        }
        return inProfile.stream()
                .map(k -> k + " from " + entry.origin(k))
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
    }
}
