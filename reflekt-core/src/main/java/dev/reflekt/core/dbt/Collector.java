package dev.reflekt.core.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.DbtConfig;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A collector whose raw tables {@code reflekt:build} models ({@code -Dreflekt.sdk}): what tables it loads, how an
 * event and its properties become tables and columns, which of its own columns come first, and its naming rules.
 * One package per collector ({@code dev.reflekt.core.collector.<name>}) owns all of that and declares its class in
 * {@code META-INF/services/dev.reflekt.core.dbt.Collector}, in the order users see them; the builder and the
 * renderer ask nothing about which collector it is.
 */
public interface Collector {

    /**
     * The collector {@code -Dreflekt.sdk} names ({@code segment} when blank).
     *
     * @throws ReflektException naming the collectors there are, when none has that name
     */
    static Collector require(String sdk) throws ReflektException {
        return KnownCollectors.require(sdk == null || sdk.isBlank() ? KnownCollectors.DEFAULT : sdk);
    }

    /** The name users give it with {@code -Dreflekt.sdk} ({@code segment}). */
    String name();

    /** Its name as its users write it, for documentation ({@code Segment}). */
    String product();

    /**
     * A planner for one build.
     *
     * @param dialect the warehouse the raw data is in, whose naming limits the collector may follow
     * @param sourceSchema the raw schema, as the models' sources name it
     * @param warehouse the raw schema's tables and columns, or empty for an offline build
     */
    Planner planner(DbtConfig dbt, Dialect dialect, String sourceSchema, Optional<TableColumns> warehouse);

    /**
     * Why rows disappear from the raw tables and when to propagate that, for the package's README (Markdown, ending
     * before the {@code dbt run-operation} block).
     */
    String deletionsReadme();

    /** The same for the comment of the {@code reflekt_propagate_deletions} macro, lines after the first indented. */
    String deletionsMacroComment();

    /**
     * The collector's warehouse loader, locally ({@code reflekt:load-events}, the local collector): what it writes into
     * a {@code dialect} warehouse from recorded payloads; empty when Reflekt cannot load that warehouse the way the
     * collector does.
     */
    default Optional<dev.reflekt.core.load.EventLoader> loader(DbtConfig dbt, Dialect dialect) {
        return Optional.empty();
    }

    /**
     * What the collector would do on load to {@code schema} (an event schema, {@code $ref}s resolved) that the
     * schema does not say ({@link LoadChecks}); none by default.
     */
    default List<LoadChecks.Finding> loadProblems(JsonNode schema, Optional<Dialect> dialect, DbtConfig dbt) {
        return List.of();
    }

    /**
     * The column the collector's loader writes a property called {@code property} into when it renames it (lint's
     * {@code cdp-rename}), or empty when it loads properties under their own names.
     */
    default Optional<String> renamed(String property) {
        return Optional.empty();
    }

    /**
     * The events whose tables the collector's loader made in {@code warehouse} (one schema's metadata), for
     * {@code reflekt:infer}; empty when the collector's layout does not name events by table.
     */
    default Optional<List<LoadedEvent>> loadedEvents(DbtConfig dbt, Dialect dialect, TableColumns warehouse) {
        return Optional.empty();
    }

    /** Where the collector's loader puts events in {@code dialect}'s warehouse, in one sentence. */
    String shape(Dialect dialect);

    /**
     * When the collector loads Profiles Sync tables ({@code artifacts.dbt.profiles_sync}): its naming, by which an
     * offline build finds the Identify schema's trait columns; else empty.
     */
    default Optional<CallTableRules> profilesSync() {
        return Optional.empty();
    }

    /** Decides the staging models of one build. */
    interface Planner {

        /**
         * Plans every model for {@code schemas}, in order.
         *
         * @throws ReflektException naming each schema that makes no model, with its file and line
         */
        void plan(List<EventSchema> schemas) throws ReflektException;

        /** The planned models, in order. */
        List<Model> models();

        /** Source tables in the order models introduced them, with their descriptions. */
        Map<String, String> tables();

        /** What the schemas say and the warehouse lacks. */
        List<Drift> drift();

        /**
         * What the warehouse has in the collector's layout and no schema plans (tables, columns), excluding the
         * collector's own; empty without warehouse metadata, and for a collector that does not say yet.
         */
        default List<Unplanned> unplanned() {
            return List.of();
        }

        /**
         * What the package's event audit reads (the collector's table of every event and how a row names its
         * event), or empty when the collector has none, or the warehouse lacks it.
         */
        default Optional<EventAudit> audit() {
            return Optional.empty();
        }

        /** The raw column every source table has that says when a row was loaded: the sources' freshness field. */
        String loadedAtColumn();

        /** The freshness field of one source table; by default {@link #loadedAtColumn()}. */
        default String loadedAtColumn(String table) {
            return loadedAtColumn();
        }

        /** The SQL of one of its models. */
        default String modelSql(Model model, PackageRenderer renderer, String sourceName) {
            return renderer.modelSql(model, sourceName);
        }
    }
}
