package dev.reflekt.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.definitions.Resolved;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.ParseException;
import dev.reflekt.core.internal.json.SchemaValidator;
import dev.reflekt.core.project.IgluUri;
import dev.reflekt.core.project.SchemaFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tracking plan events are checked against: every selected schema, by the Iglu URI a self-describing event
 * names and by the event name a Segment-style call sends, each compiled once with the validator lint uses.
 */
public final class Plan {

    /**
     * One schema of the plan.
     *
     * @param file the schema file
     * @param name {@code self.name}
     * @param igluUri {@code iglu:vendor/Name/jsonschema/M-0-m}
     * @param version {@code MAJOR-MINOR}, for messages
     * @param entity a Snowplow entity ({@code self.kind: entity}): sent as a context, never alone
     * @param schema the resolved schema ({@code $ref}s inlined)
     * @param validator its validator
     */
    public record Planned(
            SchemaFile file,
            String name,
            String igluUri,
            String version,
            boolean entity,
            JsonNode schema,
            SchemaValidator validator) {}

    private final Map<String, Planned> byUri = new TreeMap<>();
    private final Map<String, List<Planned>> byName = new TreeMap<>();
    private final Map<String, List<Planned>> byIgluName = new TreeMap<>();

    private Plan() {}

    /**
     * The plan of {@code files}.
     *
     * @throws ReflektException naming every schema that cannot be read or compiled (lint says more)
     */
    public static Plan of(Definitions definitions, List<SchemaFile> files) throws ReflektException {
        Plan plan = new Plan();
        List<String> problems = new ArrayList<>();
        LocatedTreeReader reader = new LocatedTreeReader();
        for (SchemaFile file : files) {
            LocatedTree tree;
            try {
                tree = reader.readJson(file.path());
            } catch (ParseException e) {
                problems.add(file.displayPath() + ":" + e.position() + ": " + e.reason() + "; run reflekt:lint.");
                continue;
            } catch (IOException e) {
                problems.add(file.displayPath() + ": cannot read: " + e.getMessage());
                continue;
            }
            Resolved resolved = definitions.resolve(file.id(), tree);
            if (!resolved.ok()) {
                resolved.problems().forEach(p -> problems.add(p.describe()));
                continue;
            }
            JsonNode json = resolved.json();
            JsonNode self = json.path("self");
            SchemaValidator validator;
            try {
                validator = SchemaValidator.compile("https://reflekt.invalid/" + file.id(), json);
            } catch (IllegalArgumentException e) {
                problems.add(file.displayPath() + ": the schema cannot be compiled (" + e.getMessage()
                        + "); run reflekt:lint.");
                continue;
            }
            Planned p = new Planned(
                    file,
                    self.path("name").asText(""),
                    "iglu:" + IgluUri.path(file.id(), json),
                    self.path("version").asText(""),
                    self.path("kind").asText("event").equals("entity"),
                    json,
                    validator);
            plan.byUri.put(p.igluUri(), p);
            plan.byName.computeIfAbsent(key(p.name()), k -> new ArrayList<>()).add(p);
            plan.byIgluName
                    .computeIfAbsent(withoutVersion(p.igluUri()), k -> new ArrayList<>())
                    .add(p);
        }
        if (!problems.isEmpty()) {
            throw new ReflektException(problems);
        }
        Comparator<Planned> newestFirst = Comparator.comparing((Planned p) -> version(p.version(), 0))
                .thenComparing(p -> version(p.version(), 1))
                .reversed();
        plan.byName.values().forEach(l -> l.sort(newestFirst));
        plan.byIgluName.values().forEach(l -> l.sort(newestFirst));
        return plan;
    }

    /** The schema an Iglu URI names, exactly. */
    public java.util.Optional<Planned> byUri(String uri) {
        return java.util.Optional.ofNullable(byUri.get(uri));
    }

    /** The versions of the schema an Iglu URI names, whatever version it names; newest first. */
    public List<Planned> versionsOf(String uri) {
        return byIgluName.getOrDefault(withoutVersion(uri), List.of());
    }

    /** Every version of the event named {@code name} (case-insensitively); newest first. */
    public List<Planned> byName(String name) {
        return byName.getOrDefault(key(name), List.of());
    }

    /** Every schema, by Iglu URI. */
    public Map<String, Planned> all() {
        return new LinkedHashMap<>(byUri);
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static String withoutVersion(String uri) {
        int slash = uri.lastIndexOf('/');
        return slash < 0 ? uri : uri.substring(0, slash);
    }

    private static int version(String v, int part) {
        String[] parts = v.split("-");
        try {
            return parts.length > part ? Integer.parseInt(parts[part]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
