package dev.reflekt.core.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * Where a schema lives must agree with what it says it is: {@code id-matches-path}, {@code id-no-spaces},
 * {@code name-matches-folder}, {@code version-matches-file} and {@code version-format}.
 */
final class IdentityRule implements SchemaRule {

    static final Pattern VERSION = Pattern.compile("^[1-9][0-9]*-(0|[1-9][0-9]*)$");

    @Override
    public void check(SchemaDocument doc) {
        String expectedId = doc.file().id();
        JsonNode id = doc.root().get("$id");
        if (id == null || !id.isTextual()) {
            doc.report(
                    LintRule.ID_MATCHES_PATH,
                    id == null ? "" : "/$id",
                    "the schema has no string '$id'",
                    "add \"$id\": \"" + expectedId + "\"");
        } else {
            if (hasWhitespace(id.asText())) {
                doc.report(
                        LintRule.ID_NO_SPACES,
                        "/$id",
                        "'$id' \"" + id.asText() + "\" contains spaces",
                        "use '_' in folder names and the '$id' instead of spaces");
            }
            if (!id.asText().equals(expectedId)) {
                doc.report(
                        LintRule.ID_MATCHES_PATH,
                        "/$id",
                        "'$id' is \"" + id.asText() + "\" but the file is schemas/" + expectedId,
                        "set '$id' to \"" + expectedId + "\"");
            }
        }

        String[] parts = expectedId.split("/");
        String fileName = parts[parts.length - 1];
        String fileVersion = fileName.substring(0, fileName.length() - ".json".length());
        if (!VERSION.matcher(fileVersion).matches()) {
            doc.report(
                    LintRule.VERSION_FORMAT,
                    "",
                    "file name '" + fileName + "' is not a MAJOR-MINOR version",
                    "rename it like 1-0.json or 2-1.json (MAJOR from 1, MINOR from 0)");
        }

        JsonNode self = doc.root().get("self");
        JsonNode name = self.get("name");
        if (name != null && name.isTextual()) {
            if (parts.length < 2) {
                doc.report(
                        LintRule.NAME_MATCHES_FOLDER,
                        "/self/name",
                        "the schema is not in an event folder",
                        "move it to schemas/<plan>/" + name.asText().replace(' ', '_') + "/" + fileName);
            } else {
                String folder = parts[parts.length - 2];
                String expectedFolder = name.asText().replace(' ', '_');
                if (!expectedFolder.equals(folder)) {
                    doc.report(
                            LintRule.NAME_MATCHES_FOLDER,
                            "/self/name",
                            "event name '" + name.asText() + "' does not match its folder '" + folder + "'",
                            "rename the folder to '" + expectedFolder + "' or the event to '" + folder.replace('_', ' ')
                                    + "'");
                }
            }
        }
        JsonNode version = self.get("version");
        if (version != null && version.isTextual() && !version.asText().equals(fileVersion)) {
            doc.report(
                    LintRule.VERSION_MATCHES_FILE,
                    "/self/version",
                    "version '" + version.asText() + "' does not match the file name '" + fileName + "'",
                    "set self.version to '" + fileVersion + "' or rename the file to '" + version.asText() + ".json'");
        }
    }

    private static boolean hasWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
