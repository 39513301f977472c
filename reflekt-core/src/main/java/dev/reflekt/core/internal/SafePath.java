package dev.reflekt.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The one place a relative name becomes a path Reflekt writes to. Every segment must be a folder or file name any
 * file system takes (not empty, {@code .} or {@code ..}; no {@code /}, {@code \}, {@code :} or control character;
 * at most 255 bytes), the path must stay inside its root, and still be inside after links, without being a link
 * itself. Every writer of generated or pulled files goes through it.
 */
public final class SafePath {

    /** The longest folder or file name most file systems take (ext4, APFS, NTFS). */
    public static final int MAX_NAME_BYTES = 255;

    private static final Pattern PLAIN_SEGMENT = Pattern.compile("[A-Za-z0-9_$.][A-Za-z0-9_$.\\-]*");

    private SafePath() {}

    /**
     * What is wrong with {@code segment} as a folder or file name ({@code "a segment '..' that is not a plain folder or
     * file name"}), or null.
     */
    public static String problem(String segment) {
        if (segment.isEmpty()
                || segment.equals(".")
                || segment.equals("..")
                || segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':')) {
            return "a segment '" + LogText.line(segment) + "' that is not a plain folder or file name";
        }
        int bytes = segment.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            return "a folder or file name of " + bytes + " bytes; file systems take " + MAX_NAME_BYTES;
        }
        return null;
    }

    /**
     * Whether {@code relative} is a plain relative path of names Reflekt makes: '/'-separated segments of letters,
     * digits and {@code _ $ . -}, none {@code .} or {@code ..}.
     */
    public static boolean isPlain(String relative) {
        for (String segment : relative.split("/", -1)) {
            if (segment.equals(".")
                    || segment.equals("..")
                    || !PLAIN_SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code relative} resolved in {@code root} with its folders made, or null when a segment has a {@link #problem}
     * or a link leads it out of {@code root} (checked before and after the folders are made).
     */
    public static Path create(Path root, String relative) throws IOException {
        Path file = inside(root, relative);
        if (file == null) {
            return null;
        }
        Files.createDirectories(file.getParent());
        return inside(root, relative);
    }

    /**
     * {@code relative} resolved in {@code root}, or null when a segment has a {@link #problem}, it leads out of
     * {@code root} (after links), or it is a link itself.
     */
    public static Path inside(Path root, String relative) throws IOException {
        for (String segment : relative.split("/", -1)) {
            if (problem(segment) != null) {
                return null;
            }
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || Files.isSymbolicLink(file)) {
            return null;
        }
        if (Files.exists(file.getParent()) && !file.getParent().toRealPath().startsWith(root.toRealPath())) {
            return null;
        }
        return file;
    }
}
