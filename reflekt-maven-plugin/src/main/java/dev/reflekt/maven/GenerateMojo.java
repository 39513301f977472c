package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.command.GenerateCommand;
import dev.reflekt.core.generate.GenerateRequest;
import dev.reflekt.core.generate.Generator;
import dev.reflekt.core.internal.LogText;
import dev.reflekt.core.project.ReflektProject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes typed tracking code from the event schemas: per event and MAJOR version a Java class with a step builder
 * (a required property left out does not compile) and constraint checks at {@code build()}, and/or a TypeScript
 * {@code events.ts}; plus an adapter for the SDK that sends them. With a pom the Java output is added as a compile
 * source root, so {@code mvn package} compiles the classes into the schema artifact. Output folders are replaced
 * whole and only when they change. Runs with or without a pom.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true, requiresProject = false)
public class GenerateMojo extends AbstractReflektMojo {

    /**
     * What to generate: {@code java}, {@code typescript}, or both, comma-separated. Default {@code java}; property
     * {@code reflekt.generate.languages}.
     */
    @Parameter(property = "reflekt.generate.languages", defaultValue = "java")
    private String languages;

    /**
     * The Java package of the generated classes. Default: the pom's groupId + {@code .events}; without a pom the
     * project's {@code vendor} + {@code .events}. Property {@code reflekt.generate.package}.
     */
    @Parameter(property = "reflekt.generate.package", alias = "package")
    private String packageName;

    /**
     * Where Java sources go; the folder is Reflekt's alone (it is replaced whole). Default
     * {@code target/generated-sources/reflekt}; property {@code reflekt.generate.outputDirectory}.
     */
    @Parameter(property = "reflekt.generate.outputDirectory")
    private File outputDirectory;

    /**
     * Where {@code events.ts} goes; the folder is Reflekt's alone. Default {@code target/generated-sources/reflekt-ts};
     * property {@code reflekt.generate.typescriptOutputDirectory}.
     */
    @Parameter(property = "reflekt.generate.typescriptOutputDirectory")
    private File typescriptOutputDirectory;

    /**
     * The SDK the adapters (Java) and track functions (TypeScript) call: {@code segment}, {@code rudderstack},
     * {@code snowplow} or {@code none}. Default: {@code reflekt.sdk} when set, else {@code segment}. Property
     * {@code reflekt.generate.sdk}.
     */
    @Parameter(property = "reflekt.generate.sdk")
    private String sdk;

    /** The collector of the project, as {@code reflekt:build} reads it. Property {@code reflekt.sdk}. */
    @Parameter(property = "reflekt.sdk")
    private String projectSdk;

    /** Which schemas (same forms as {@code reflekt:lint}). Default: all. Property {@code reflekt.select}. */
    @Parameter(property = "reflekt.select")
    private String select;

    /** Skips this goal only. Default {@code false}; property {@code reflekt.generate.skip}. */
    /**
     * Whether an event that cannot be typed fails the goal (nothing is written). Default {@code false}: such an
     * event is skipped with a located warning, counted in the summary, and the others are generated; property
     * {@code reflekt.generate.strict}.
     */
    @Parameter(property = "reflekt.generate.strict", defaultValue = "false")
    private boolean strict;

    @Parameter(property = "reflekt.generate.skip", defaultValue = "false")
    private boolean skipGenerate;

    @Override
    protected String goal() {
        return "generate";
    }

    @Override
    protected boolean isGoalSkipped() {
        return skipGenerate;
    }

    private boolean hasPom() {
        return project != null && project.getFile() != null;
    }

    @Override
    protected void run(Path dir) throws ReflektException, MojoExecutionException {
        ReflektProject reflekt = loadProject(dir);
        Path target = hasPom() ? Path.of(project.getBuild().getDirectory()) : dir.resolve("target");
        Path java = outputDirectory != null
                ? baseDir().resolve(outputDirectory.toPath())
                : target.resolve("generated-sources").resolve("reflekt");
        Path ts = typescriptOutputDirectory != null
                ? baseDir().resolve(typescriptOutputDirectory.toPath())
                : target.resolve("generated-sources").resolve("reflekt-ts");
        List<String> langs = Arrays.stream(languages.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        String chosenSdk = sdk != null && !sdk.isBlank()
                ? sdk
                : projectSdk != null && !projectSdk.isBlank() ? projectSdk : "segment";
        GenerateRequest request =
                new GenerateRequest(langs, packageName(reflekt), java, ts, chosenSdk, select, pluginVersion(), strict);
        long start = System.nanoTime();
        Generator.Result result;
        try {
            result = GenerateCommand.run(reflekt, request);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the generated code: " + e.getMessage(), e);
        }
        if (hasPom() && langs.stream().anyMatch(l -> l.equalsIgnoreCase("java"))) {
            project.addCompileSourceRoot(java.toString());
        }
        StringBuilder where = new StringBuilder();
        result.written().forEach((folder, changed) -> where.append(where.length() == 0 ? "" : ", ")
                .append(changed ? "written to " : "unchanged in ")
                .append(reflekt.display(folder)));
        for (String warning : result.warnings()) {
            getLog().warn(LogText.line(warning));
        }
        for (var skip : result.skipped()) {
            getLog().warn(LogText.line(
                    "skipped event '" + skip.name() + "' (" + skip.file() + "): it cannot be typed"));
            for (String reason : skip.reasons()) {
                getLog().warn(LogText.line("  " + reason));
            }
        }
        String skipped = result.skipped().isEmpty()
                ? ""
                : ", " + result.skipped().size() + " skipped (see the warnings above; -Dreflekt.generate.strict=true"
                        + " fails on them)";
        getLog().info("Reflekt generate: " + result.events() + " event types" + skipped + " ("
                + String.join(", ", langs) + ", sdk " + chosenSdk + "), " + where + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /** The package asked for, else the pom's groupId + {@code .events}, else the vendor's. */
    private String packageName(ReflektProject reflekt) throws ReflektException {
        if (packageName != null && !packageName.isBlank()) {
            return packageName.strip();
        }
        String base = hasPom() ? project.getGroupId() : reflekt.config().vendor();
        String derived = base == null ? null : base + ".events";
        if (derived == null || !GenerateCommand.isPackageName(derived)) {
            throw new ReflektException("No Java package for the generated classes: "
                    + (base == null ? "the project has no vendor" : "'" + derived + "' is not a Java package name")
                    + "; set reflekt.generate.package (e.g. -Dreflekt.generate.package=com.example.events).");
        }
        return derived;
    }

    private String pluginVersion() {
        if (mojoExecution != null && mojoExecution.getMojoDescriptor() != null) {
            return mojoExecution.getMojoDescriptor().getPluginDescriptor().getVersion();
        }
        return "unknown";
    }
}
