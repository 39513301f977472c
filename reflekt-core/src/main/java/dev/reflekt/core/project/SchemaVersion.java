package dev.reflekt.core.project;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Reflekt schema version, {@code MAJOR-MINOR}: MAJOR for breaking changes, MINOR for compatible ones. */
public record SchemaVersion(int major, int minor) implements Comparable<SchemaVersion> {

    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,8})-(0|[1-9][0-9]{0,8})");
    private static final Comparator<SchemaVersion> ORDER =
            Comparator.comparingInt(SchemaVersion::major).thenComparingInt(SchemaVersion::minor);

    /** The version of a file name such as {@code 2-1.json}, if it is one. */
    public static Optional<SchemaVersion> ofFileName(String fileName) {
        String stem = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
        Matcher m = FORM.matcher(stem);
        return m.matches()
                ? Optional.of(new SchemaVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    /** The next MAJOR: {@code 1-3 → 2-0}. */
    public SchemaVersion nextMajor() {
        return new SchemaVersion(major + 1, 0);
    }

    /** The next MINOR: {@code 1-3 → 1-4}. */
    public SchemaVersion nextMinor() {
        return new SchemaVersion(major, minor + 1);
    }

    @Override
    public int compareTo(SchemaVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "-" + minor;
    }
}
