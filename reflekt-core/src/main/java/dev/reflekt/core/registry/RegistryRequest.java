package dev.reflekt.core.registry;

import java.util.Map;

/**
 * What {@code reflekt:push} or {@code reflekt:pull} was asked to do.
 *
 * @param select which schemas (blank: all)
 * @param profile the profile (blank: {@code default_profile})
 * @param registry which of the profile's registries: its {@code id} or {@code type} (blank: the first)
 * @param dryRun push: plan only, write nothing
 * @param delete push: also delete what the registry has and the selection lacks
 * @param force pull: overwrite local files that differ from the registry's
 * @param secrets credentials from settings.xml ({@code api_token}, {@code username}, ...), or empty
 * @param secretsOrigin how to name where {@code secrets} came from ({@code settings.xml server 'iglu'})
 * @param env the environment, for {@code {{ env_var('NAME') }}} in the profiles file
 */
public record RegistryRequest(
        String select,
        String profile,
        String registry,
        boolean dryRun,
        boolean delete,
        boolean force,
        Map<String, String> secrets,
        String secretsOrigin,
        Map<String, String> env) {}
