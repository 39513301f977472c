package dev.reflekt.core.command;

import java.util.Map;

/**
 * What {@code reflekt:build} was asked to do.
 *
 * @param select which schemas (blank: all)
 * @param source {@code <source_id>.<database>.<schema>}, or blank to build from the schemas alone
 * @param profile the profile to read the source from (blank: {@code default_profile})
 * @param sdk how the events were collected ({@code segment})
 * @param dialect the SQL dialect to write, or blank to take it from the source
 * @param offline use the source's names without connecting
 * @param env the environment, for {@code {{ env_var('NAME') }}} in the profiles file
 * @param audit compile every model on the warehouse before publishing the package
 */
public record BuildRequest(
        String select,
        String source,
        String profile,
        String sdk,
        String dialect,
        boolean offline,
        Map<String, String> env,
        boolean audit) {

    /** A request without the audit. */
    public BuildRequest(
            String select,
            String source,
            String profile,
            String sdk,
            String dialect,
            boolean offline,
            Map<String, String> env) {
        this(select, source, profile, sdk, dialect, offline, env, false);
    }
}
