package dev.reflekt.core.events;

import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.internal.MarkdownText;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code events.md}: what check-events saw, per event name (seen, valid, invalid, the versions that accepted them,
 * the most frequent findings by rule and path), the planned events never sent and the unreadable payloads. Paths,
 * rules and counts only: never a value sent. Event names and paths from payloads are strangers' text, written through
 * {@link MarkdownText} only.
 */
public final class EventsReport {

    /** Findings shown per event in the table. */
    static final int TOP = 3;

    private EventsReport() {}

    /** The page for {@code result}, from the payload files {@code files} (as shown). */
    public static String render(EventCheck.Result result, List<String> files) {
        StringBuilder md = new StringBuilder("# Reflekt check-events\n\n");
        int seen = 0;
        int valid = 0;
        int unplanned = 0;
        for (EventCheck.Seen s : result.events().values()) {
            seen += s.seen();
            valid += s.valid();
            if (s.rules().containsKey(EventRule.UNPLANNED_EVENT.id())) {
                unplanned += s.seen();
            }
        }
        md.append("**")
                .append(CheckResult.plural(seen, "event"))
                .append("** in ")
                .append(CheckResult.plural(files.size(), "recorded file"))
                .append(": ")
                .append(valid)
                .append(" valid, ")
                .append(seen - valid - unplanned)
                .append(" invalid, ")
                .append(unplanned)
                .append(" unplanned; ")
                .append(CheckResult.plural(result.unseen().size(), "planned event"))
                .append(" never sent.\n\n");
        if (!files.isEmpty()) {
            md.append("Recorded files: ")
                    .append(files.stream().map(MarkdownText::code).collect(Collectors.joining(", ")))
                    .append(".\n\n");
        }
        if (!result.events().isEmpty()) {
            md.append("| Event | Seen | Valid | Invalid | Versions matched | Most frequent findings |\n");
            md.append("| --- | ---: | ---: | ---: | --- | --- |\n");
            result.events().forEach((name, s) -> {
                boolean isUnplanned = s.rules().containsKey(EventRule.UNPLANNED_EVENT.id());
                md.append("| ")
                        .append(MarkdownText.code(EventCheck.shown(name)))
                        .append(" | ")
                        .append(s.seen())
                        .append(" | ")
                        .append(s.valid())
                        .append(" | ")
                        .append(s.seen() - s.valid())
                        .append(" | ")
                        .append(isUnplanned ? "*unplanned*" : String.join(", ", s.versions()))
                        .append(" | ")
                        .append(top(s.top()))
                        .append(" |\n");
            });
            md.append('\n');
        }
        if (!result.unseen().isEmpty()) {
            md.append("## Planned, never sent\n\n");
            result.unseen()
                    .forEach(id -> md.append("- ").append(MarkdownText.code(id)).append('\n'));
            md.append('\n');
        }
        List<?> unreadable = result.byEvent().getOrDefault(EventCheck.NO_EVENT, List.of());
        if (!unreadable.isEmpty()) {
            md.append("## Unreadable payloads\n\n")
                    .append(CheckResult.plural(unreadable.size(), "document"))
                    .append(" could not be read; the build log lists where.\n\n");
        }
        if (result.unexplained() > 0) {
            md.append(CheckResult.plural(result.unexplained(), "invalid event"))
                    .append(" past the first ")
                    .append(EventCheck.MAX_LISTED)
                    .append(" findings of their event name are counted as invalid but not explained; the most frequent")
                    .append(" findings are those of the events explained.\n\n");
        }
        if (result.unlisted() > 0) {
            md.append(CheckResult.plural(result.unlisted(), "more finding"))
                    .append(" (past the first ")
                    .append(EventCheck.MAX_LISTED)
                    .append(" of an event name) are counted above but not listed in the log.\n");
        }
        return md.toString();
    }

    /** The {@value #TOP} most frequent findings: {@code type /properties/price} ×3. */
    private static String top(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .map(e -> MarkdownText.code(e.getKey()) + " ×" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
