package dev.reflekt.core.lint;

import dev.reflekt.core.finding.Rule;
import dev.reflekt.core.finding.Severity;
import java.util.List;

/** Every lint rule, with its id (used in output and configuration). All are errors unless configured. */
public enum LintRule implements Rule {
    JSON_SYNTAX(
            "json-syntax",
            "The file is readable JSON (comments and trailing commas allowed), within size and depth limits."),
    SCHEMA_STRUCTURE(
            "schema-structure",
            "The schema is an object with a 'self' object and a 'properties' object, and each property is an object."),
    META_SCHEMA("meta-schema", "The schema satisfies the project meta-schema schemas/.reflekt/meta/1-0.json."),
    ID_MATCHES_PATH("id-matches-path", "'$id' equals the file's path relative to schemas/."),
    ID_NO_SPACES("id-no-spaces", "'$id' contains no spaces."),
    NAME_MATCHES_FOLDER(
            "name-matches-folder", "'self.name', with spaces replaced by '_', equals the event folder's name."),
    VERSION_MATCHES_FILE("version-matches-file", "'self.version' equals the file name without '.json'."),
    VERSION_FORMAT("version-format", "The file name is a MAJOR-MINOR version such as 1-0.json or 2-1.json."),
    EVENT_CASING("event-casing", "The event name is in the casing set by schemas.conventions.event.casing."),
    EVENT_NUMBERS("event-numbers", "The event name has no digits unless schemas.conventions.event.numbers is true."),
    EVENT_RESERVED("event-reserved", "The event name is not in schemas.conventions.event.reserved."),
    PROPERTY_CASING("property-casing", "Property names are in the casing set by schemas.conventions.property.casing."),
    PROPERTY_NUMBERS(
            "property-numbers", "Property names have no digits unless schemas.conventions.property.numbers is true."),
    PROPERTY_RESERVED("property-reserved", "Property names are not in schemas.conventions.property.reserved."),
    PROPERTY_DESCRIPTION("property-description", "Every property has a non-empty 'description'."),
    INFERRED_DESCRIPTION(
            "inferred-description",
            "No 'description' is still the placeholder reflekt:infer writes ('TODO(reflekt:infer): ...'): a person"
                    + " writes what the event or property means."),
    PROPERTY_TYPE("property-type", "Every property has a 'type', a string or a list of strings."),
    DATA_TYPE("data-type", "Every property type is listed in schemas.conventions.data_types."),
    NESTED_PROPERTIES(
            "nested-properties",
            "Properties nested in objects and in array items are linted like top-level ones; set this rule to off to lint the top level only."),
    WAREHOUSE_VARCHAR_LENGTH(
            "warehouse-varchar-length",
            "With a target dialect: 'maxLength' fits the warehouse's longest varchar (Redshift: 65535 bytes)."),
    WAREHOUSE_COLUMN_NAME(
            "warehouse-column-name",
            "With a target dialect: the column a property loads into is a name the warehouse accepts unchanged"
                    + " (BigQuery: letters, digits, underscores; no reserved prefixes)."),
    WAREHOUSE_NAME_LENGTH(
            "warehouse-name-length",
            "With a target dialect: the column a property loads into (nested names joined with '_') is no longer"
                    + " than the warehouse allows (Postgres 63, Redshift 127, Snowflake 255, BigQuery 300)."),
    SCHEMA_REF(
            "schema-ref",
            "Every '$ref' points into the same file or to a definition in schemas/.reflekt/definitions/, exists,"
                    + " makes no cycle, and has only annotations beside it (and at most a 'type' that equals the"
                    + " target's, as the Python CLI writes); nothing outside schemas/ is read."),
    SCHEMA_REF_URL(
            "schema-ref-url",
            "A '$ref' to a URL is never read (a warning): it allows any JSON value there, typed as JSON by build and"
                    + " generate; vendor the schema it names as a shared definition to check and type it.") {
        @Override
        public Severity defaultSeverity() {
            return Severity.WARNING;
        }
    },
    UNUSED_DEFINITION(
            "unused-definition",
            "Every shared definition in schemas/.reflekt/definitions/ is used by an event schema (a warning).") {
        @Override
        public Severity defaultSeverity() {
            return Severity.WARNING;
        }
    },
    COLLECTOR_LOAD(
            "collector-load",
            "With -Dreflekt.sdk: the collector loads every property as written (RudderStack drops properties named"
                    + " like its own columns; Snowplow's loaders merge two properties with one snake-cased name).") {
        @Override
        public Severity defaultSeverity() {
            return Severity.WARNING;
        }
    },
    CDP_RENAME(
            "cdp-rename",
            "With a target dialect: Segment loads the property under its own name, not a snake-cased one"
                    + " ('orderId' becomes column 'order_id').");

    private final String id;
    private final String description;

    LintRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    /** All lint rules, in documentation order. */
    public static List<LintRule> all() {
        return List.of(values());
    }
}
