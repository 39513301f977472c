package dev.reflekt.core.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Did-you-mean for names a user typed: configuration keys, {@code -D} properties. */
public final class Suggestions {

    private Suggestions() {}

    /**
     * The name among {@code known} nearest to {@code typed}, at most two edits apart (an edit inserts, deletes or
     * replaces a character, or swaps two neighbours), or null. Ties go to the first in iteration order.
     */
    public static String nearest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(typed, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * One warning per {@code reflekt.*} property in {@code given} that no goal of the plugin reads ({@code known}),
     * sorted, each with the nearest known name when there is one. Property names from the command line are
     * shown as they are, with control characters made visible.
     */
    public static List<String> unknownProperties(Collection<String> given, Set<String> known) {
        List<String> out = new ArrayList<>();
        for (String name : new TreeSet<>(given)) {
            if (!name.startsWith("reflekt.") || known.contains(name)) {
                continue;
            }
            String near = nearest(name, new TreeSet<>(known));
            out.add("Unknown property " + visible(name) + " is ignored by every Reflekt goal; "
                    + (near == null
                            ? "see mvn reflekt:help -Ddetail for the properties there are."
                            : "did you mean " + near + "?"));
        }
        return out;
    }

    private static String visible(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Optimal string alignment distance: Levenshtein plus the swap of two neighbouring characters. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
