package dev.reflekt.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.internal.json.LocatedTree;
import dev.reflekt.core.internal.json.LocatedTreeReader;
import dev.reflekt.core.internal.json.ParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code reflekt_profiles.yml}: profile name → {@code registry:} and {@code source:} lists, as in the
 * Python Reflekt CLI. Values may be written {@code {{ env_var('NAME') }}}.
 */
public final class Profiles {

    private final Map<String, Profile> profiles;
    private final String defaultProfile;
    private final String fileName;

    private Profiles(Map<String, Profile> profiles, String defaultProfile, String fileName) {
        this.profiles = profiles;
        this.defaultProfile = defaultProfile;
        this.fileName = fileName;
    }

    /** One named profile. */
    public record Profile(String name, List<ProfileEntry> registries, List<ProfileEntry> sources) {}

    /** The example profiles file the archetype writes beside where the real one goes. */
    static final String EXAMPLE = "reflekt_profiles.example.yml";

    static Profiles load(Path file, ReflektProject project, Map<String, String> env) throws ReflektException {
        String shown = project.display(file);
        if (!Files.isRegularFile(file)) {
            Path example = file.resolveSibling(EXAMPLE);
            throw new ReflektException("Profiles file " + shown + " not found (profiles_path in "
                    + ReflektProject.PROJECT_FILE + "). "
                    + (Files.isRegularFile(example)
                            ? "Copy " + project.display(example) + " to " + shown
                                    + " (it names secrets only as {{ env_var('...') }}), or set profiles_path to"
                                    + " where yours is."
                            : "Create it, or set profiles_path to where it is."));
        }
        LocatedTree tree;
        try {
            tree = new LocatedTreeReader().readYaml(file);
        } catch (ParseException e) {
            throw new ReflektException(shown + ":" + e.position() + ": " + e.reason() + "; fix the YAML syntax.");
        } catch (IOException e) {
            throw new ReflektException("Cannot read " + shown + ": " + e.getMessage(), e);
        }
        if (!tree.root().isObject()) {
            throw new ReflektException(shown + ":1:1: expected a mapping of profile names to profiles.");
        }
        List<String> problems = new ArrayList<>();
        Map<String, Profile> profiles = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.root().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("version")
                    || (e.getKey().equals("do_not_track") && e.getValue().isBoolean())) {
                continue; // the Python CLI's template writes both beside the profiles
            }
            String pointer = "/" + LocatedTree.escape(e.getKey());
            if (!e.getValue().isObject()) {
                problems.add(shown + ":" + tree.position(pointer) + ": profile '" + e.getKey()
                        + "' must be a mapping with 'registry:' and/or 'source:' lists.");
                continue;
            }
            List<ProfileEntry> registries = entries(tree, pointer + "/registry", shown, env, problems);
            List<ProfileEntry> sources = entries(tree, pointer + "/source", shown, env, problems);
            profiles.put(e.getKey(), new Profile(e.getKey(), registries, sources));
        }
        if (!problems.isEmpty()) {
            throw new ReflektException(problems);
        }
        return new Profiles(profiles, project.config().defaultProfile(), shown);
    }

    private static List<ProfileEntry> entries(
            LocatedTree tree, String pointer, String shown, Map<String, String> env, List<String> problems) {
        JsonNode list = tree.root().at(pointer);
        List<ProfileEntry> out = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            problems.add(shown + ":" + tree.position(pointer) + ": '" + pointer.substring(pointer.lastIndexOf('/') + 1)
                    + "' must be a list of entries, each starting with '- type: ...'.");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String entryPointer = pointer + "/" + i;
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                problems.add(shown + ":" + tree.position(entryPointer) + ": expected a mapping with a 'type' key.");
                continue;
            }
            Map<String, String> values = new HashMap<>();
            Map<String, String> origins = new HashMap<>();
            List<String> unresolved = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> kv = it.next();
                String at = shown + ":" + tree.position(entryPointer + "/" + LocatedTree.escape(kv.getKey()));
                String raw = kv.getValue().isValueNode()
                        ? kv.getValue().asText()
                        : kv.getValue().toString();
                EnvVars.Expanded expanded = EnvVars.expand(raw, env);
                if (expanded.missing() != null) {
                    // Only an error when a goal uses this entry: other profiles' variables need not be set.
                    unresolved.add(at + ": '" + kv.getKey() + "' uses environment variable " + expanded.missing()
                            + ", which is not set; export it or give a default: {{ env_var('"
                            + expanded.missing() + "', 'default') }}.");
                    continue;
                }
                values.put(kv.getKey(), expanded.value());
                origins.put(
                        kv.getKey(),
                        expanded.variable() == null
                                ? at
                                : expanded.defaulted()
                                        ? "the default of environment variable " + expanded.variable() + " (unset) at "
                                                + at
                                        : "environment variable " + expanded.variable());
            }
            if (!values.containsKey("type")) {
                problems.add(shown + ":" + tree.position(entryPointer) + ": entry has no 'type'; add one"
                        + " (e.g. type: segment, type: snowflake).");
                continue;
            }
            out.add(new ProfileEntry(shown + ":" + tree.position(entryPointer), values, origins, unresolved));
        }
        return out;
    }

    /**
     * The named profile, or {@code default_profile} when {@code name} is blank.
     *
     * @throws ReflektException when there is no such profile; the message lists those that exist
     */
    public Profile profile(String name) throws ReflektException {
        String wanted = name == null || name.isBlank() ? defaultProfile : name;
        if (wanted == null) {
            throw new ReflektException("No profile named: set default_profile in " + ReflektProject.PROJECT_FILE
                    + " or pass -Dreflekt.profile=<name>.");
        }
        Profile p = profiles.get(wanted);
        if (p == null) {
            throw new ReflektException("Profile '" + wanted + "' is not in " + fileName + "; it has "
                    + new TreeSet<>(profiles.keySet()) + ". Use one of them (-Dreflekt.profile=<name>).");
        }
        return p;
    }
}
