package dev.reflekt.core.project;

import java.util.Map;

/**
 * The contents of {@code reflekt_project.yml}, as the Python Reflekt CLI writes it.
 *
 * @param version the config format version ({@code 1.0})
 * @param name the project name
 * @param vendor the default vendor of the project's schemas, or null
 * @param defaultProfile the profile of {@code reflekt_profiles.yml} used when none is named, or null
 * @param profilesPath where {@code reflekt_profiles.yml} is, as written in the file, or null
 * @param conventions naming and type conventions that lint enforces
 * @param avoBranches Avo branch name to branch id ({@code registry.avo.branches})
 * @param dbt dbt package settings ({@code artifacts.dbt})
 */
public record ProjectConfig(
        String version,
        String name,
        String vendor,
        String defaultProfile,
        String profilesPath,
        Conventions conventions,
        Map<String, String> avoBranches,
        DbtConfig dbt) {

    public ProjectConfig {
        avoBranches = Map.copyOf(avoBranches);
    }
}
