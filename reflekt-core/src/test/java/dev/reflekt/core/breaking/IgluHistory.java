package dev.reflekt.core.breaking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.Corpora;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.definitions.Resolved;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import dev.reflekt.core.project.SchemaVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The version history of the Iglu Central corpus ({@code ../shared/corpora/iglu-central}): every pair of consecutive
 * versions of one event, their {@code $ref}s resolved. Iglu versions are SchemaVer {@code MODEL-REVISION-ADDITION};
 * the corpus's MINOR is {@code REVISION*100+ADDITION}, so a step within a MAJOR whose MINOR keeps its hundreds is an
 * ADDITION, which SchemaVer publishes as compatible with all earlier data.
 */
final class IgluHistory {

    /** Two consecutive versions of one event. */
    record Step(String event, SchemaVersion from, SchemaVersion to, JsonNode older, JsonNode newer) {

        /** An ADDITION in SchemaVer: same MODEL and REVISION. */
        boolean addition() {
            return from.major() == to.major() && from.minor() / 100 == to.minor() / 100;
        }

        @Override
        public String toString() {
            return event + " " + from + " -> " + to;
        }
    }

    private IgluHistory() {}

    static List<Step> steps() throws Exception {
        ReflektProject project = ReflektProject.load(Corpora.require(Corpora.IGLU_CENTRAL));
        Definitions definitions = Definitions.of(project);
        LocatedTreeReader reader = new LocatedTreeReader();
        Map<String, TreeMap<SchemaVersion, JsonNode>> events = new TreeMap<>();
        for (SchemaFile file : project.schemaFiles()) {
            String id = file.id();
            int slash = id.lastIndexOf('/');
            SchemaVersion version =
                    SchemaVersion.ofFileName(id.substring(slash + 1)).orElseThrow();
            Resolved resolved = definitions.resolve(id, reader.readJson(file.path()));
            events.computeIfAbsent(id.substring(0, slash), k -> new TreeMap<>())
                    .put(
                            version,
                            resolved.ok()
                                    ? resolved.json()
                                    : reader.readJson(file.path()).root());
        }
        List<Step> out = new ArrayList<>();
        events.forEach((event, versions) -> {
            Map.Entry<SchemaVersion, JsonNode> previous = null;
            for (Map.Entry<SchemaVersion, JsonNode> e : versions.entrySet()) {
                if (previous != null) {
                    out.add(new Step(event, previous.getKey(), e.getKey(), previous.getValue(), e.getValue()));
                }
                previous = e;
            }
        });
        return out;
    }
}
