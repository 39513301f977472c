package dev.reflekt.core.project;

import dev.reflekt.core.ReflektException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@code --select} semantics of the Python Reflekt CLI.
 *
 * <p>A selection is one or more comma-separated terms. Each term is a folder under {@code schemas/}, a
 * schema {@code $id} or a file, with or without a leading {@code schemas/} and with or without
 * {@code .json}; it may be quoted ({@code "jaffle_shop/Order Completed/1-0"}), and spaces in an event
 * name match the underscores of its folder. A blank selection selects every schema.
 */
public final class SchemaSelector {

    private SchemaSelector() {}

    /**
     * The files among {@code all} that {@code select} names, sorted by path.
     *
     * @throws ReflektException when a term matches nothing; the message says what was searched
     */
    public static List<SchemaFile> select(List<SchemaFile> all, String select) throws ReflektException {
        if (select == null || select.isBlank()) {
            return all;
        }
        TreeSet<SchemaFile> picked = new TreeSet<>();
        for (String raw : split(select)) {
            String term = normalize(raw);
            if (term.isEmpty()) {
                return all;
            }
            List<SchemaFile> hits = matches(all, term);
            if (hits.isEmpty() && term.contains(" ")) {
                hits = matches(all, term.replace(' ', '_'));
            }
            if (hits.isEmpty()) {
                throw new ReflektException("Selection '" + raw.strip() + "' matched no schema: searched for the file"
                        + " schemas/" + term + ".json, the folder schemas/" + term + "/"
                        + (term.contains(" ") ? " (also with spaces as underscores)" : "") + " among "
                        + all.size() + " schema files. Select a folder under schemas/, a schema $id or a file,"
                        + " e.g. -Dreflekt.select=jaffle_shop/Order_Completed/1-0.");
            }
            picked.addAll(hits);
        }
        return new ArrayList<>(picked);
    }

    private static List<SchemaFile> matches(List<SchemaFile> all, String term) {
        List<SchemaFile> hits = new ArrayList<>();
        String folder = term + "/";
        for (SchemaFile f : all) {
            String withoutExt = f.id().substring(0, f.id().length() - ".json".length());
            if (withoutExt.equals(term) || f.id().startsWith(folder)) {
                hits.add(f);
            }
        }
        return hits;
    }

    /** Splits on commas outside quotes. */
    static List<String> split(String select) {
        List<String> terms = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (char c : select.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                current.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                current.append(c);
            } else if (c == ',') {
                terms.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        terms.add(current.toString());
        terms.removeIf(t -> t.isBlank());
        return terms;
    }

    /** Strips quotes, a leading {@code ./} and {@code schemas/}, a trailing slash and {@code .json}. */
    public static String normalize(String raw) {
        String t = raw.strip();
        if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
            t = t.substring(1, t.length() - 1).strip();
        }
        t = t.replace('\\', '/');
        while (t.startsWith("./")) {
            t = t.substring(2);
        }
        if (t.equals(ReflektProject.SCHEMAS_DIR)) {
            return "";
        }
        if (t.startsWith(ReflektProject.SCHEMAS_DIR + "/")) {
            t = t.substring(ReflektProject.SCHEMAS_DIR.length() + 1);
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.endsWith(".json")) {
            t = t.substring(0, t.length() - ".json".length());
        }
        return t;
    }
}
