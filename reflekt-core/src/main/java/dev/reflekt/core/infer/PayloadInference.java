package dev.reflekt.core.infer;

import dev.reflekt.core.events.EventFiles;
import dev.reflekt.core.events.SentEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draft schemas from the events apps sent: one per event name (Segment and RudderStack calls: the track event's name,
 * {@code Identify}, {@code Page Viewed}...) and per Iglu URI (Snowplow's self-describing events and, as entities, their
 * contexts). What each sample held is {@link Observed}; nothing else of a sample is kept. At most
 * {@link #MAX_EVENTS} distinct events are inferred; later names are counted.
 */
public final class PayloadInference implements Consumer<SentEvent> {

    /** Distinct events beyond which new names are counted, not inferred. */
    public static final int MAX_EVENTS = 10_000;

    private static final Pattern IGLU =
            Pattern.compile("iglu:([^/]+)/([^/]+)/jsonschema/([1-9][0-9]*)-([0-9]+)-([0-9]+)");

    private final int maxEnumValues;
    private final Map<String, Group> groups = new TreeMap<>();
    private long events;
    private long ignored;
    private long beyondLimit;
    private final List<String> problems = new ArrayList<>();

    private static final class Group {
        final boolean entity;
        final Observed data;
        long samples;

        Group(boolean entity, int maxEnumValues) {
            this.entity = entity;
            this.data = new Observed(maxEnumValues);
        }
    }

    /** @param maxEnumValues the most distinct strings a property may have to become an enum; 0 for never */
    public PayloadInference(int maxEnumValues) {
        this.maxEnumValues = maxEnumValues;
    }

    @Override
    public void accept(SentEvent e) {
        events++;
        boolean readable = !e.call().equals("unknown") && !e.call().equals("unreadable");
        if (readable && e.data() != null && e.data().isObject()) {
            observe(e.name(), e.call().equals("context"), e);
        } else if (!e.call().equals("contexts")) {
            ignored++;
        }
        for (SentEvent c : e.contexts()) {
            if (c.data() != null && c.data().isObject() && !c.call().equals("unreadable")) {
                observe(c.name(), true, c);
            }
        }
    }

    private void observe(String key, boolean entity, SentEvent e) {
        Group g = groups.get(key);
        if (g == null) {
            if (groups.size() >= MAX_EVENTS) {
                beyondLimit++;
                return;
            }
            g = new Group(entity, maxEnumValues);
            groups.put(key, g);
        }
        g.samples++;
        g.data.add(e.data());
    }

    /** A document no payload format could read: counted, its place kept for the log. */
    public void problem(EventFiles.Problem p) {
        if (problems.size() < 100) {
            problems.add(
                    p.where().file() + ":" + p.where().line() + ":" + p.where().column() + ": " + p.message());
        }
    }

    /** Events read (contexts not counted apart). */
    public long events() {
        return events;
    }

    /** Documents no format read, located (the first 100). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Events with nothing to infer from (an alias, an unreadable payload), and events past {@link #MAX_EVENTS}. */
    public long ignored() {
        return ignored + beyondLimit;
    }

    /**
     * The drafts, in the order of their event names; {@code skipped} gets what cannot be a schema (a name that cannot
     * be a folder, an Iglu version whose REVISION Reflekt's MAJOR-MINOR cannot name).
     *
     * @param folder the folder under {@code schemas/} ({@code reflekt.infer.folder})
     * @param vendor {@code self.vendor} of events named without Iglu (the project's vendor)
     */
    public List<Draft> drafts(String folder, String vendor, Consumer<String> skipped) {
        List<Draft> out = new ArrayList<>();
        groups.forEach((key, g) -> {
            String from = g.samples + (g.entity ? " context" : " event") + (g.samples == 1 ? "" : "s");
            if (key.startsWith("iglu:")) {
                Matcher m = IGLU.matcher(key);
                if (!m.matches() || !m.group(4).equals("0")) {
                    skipped.accept(dev.reflekt.core.internal.LogText.line(key) + " (" + from + "): "
                            + (m.matches()
                                    ? "its SchemaVer has a REVISION, which Reflekt's MAJOR-MINOR (Iglu M-0-m) cannot name"
                                    : "not an Iglu URI of a JSON Schema")
                            + "; write that schema by hand");
                    return;
                }
                String problem = Drafts.folderProblem(m.group(2)).orElse(null);
                if (problem != null) {
                    skipped.accept(dev.reflekt.core.internal.LogText.line(key) + ": its name makes " + problem);
                    return;
                }
                out.add(Drafts.event(
                        folder,
                        m.group(1),
                        m.group(2),
                        m.group(3) + "-" + m.group(5),
                        g.entity,
                        g.data.schema(),
                        from));
            } else {
                String problem = Drafts.folderProblem(key).orElse(null);
                if (problem != null) {
                    skipped.accept("'" + dev.reflekt.core.internal.LogText.line(key) + "' (" + from
                            + "): its name makes " + problem + "; rename the event in the app");
                    return;
                }
                out.add(Drafts.event(folder, vendor, key, "1-0", false, g.data.schema(), from));
            }
        });
        return out;
    }
}
