package dev.reflekt.core.project;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Reflekt schema's Iglu identity. The {@code self} block is Iglu's self-describing format; Reflekt {@code
 * MAJOR-MINOR} is Iglu SchemaVer {@code MAJOR-0-MINOR} and the Iglu name is the event folder ({@code Order_Completed}).
 * Events name it, Iglu Server stores the schema under it, and Snowplow's loaders name tables and columns after it.
 */
public final class IgluUri {

    private IgluUri() {}

    /**
     * {@code vendor/name/jsonschema/M-0-m} of the schema {@code id} with content {@code json}: where
     * {@code reflekt:push} publishes it on Iglu Server, so {@code iglu:} + this is the URI events must name.
     */
    public static String path(String id, JsonNode json) {
        JsonNode self = json.path("self");
        String[] segments = id.split("/");
        String folder = segments.length >= 2
                ? segments[segments.length - 2]
                : self.path("name").asText().replace(' ', '_');
        String[] mm = self.path("version").asText().split("-");
        return self.path("vendor").asText() + "/" + folder + "/jsonschema/" + mm[0] + "-0-" + mm[1];
    }
}
