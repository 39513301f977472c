package dev.reflekt.core.generate;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.definitions.Definitions;
import dev.reflekt.core.internal.OutputFolder;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.project.SchemaFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code reflekt:generate}: typed tracking code from the schemas of a Reflekt project. */
public final class Generator {

    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Set<String> LANGUAGES = Set.of("java", "typescript");

    private Generator() {}

    /**
     * What was written where.
     *
     * @param events how many event types
     * @param written per output folder, whether it changed ({@code false}: already up to date, left untouched)
     * @param skipped the events that could not be typed, each with its located reasons
     * @param warnings located notes on properties typed as any JSON value
     */
    public record Result(
            int events,
            Map<java.nio.file.Path, Boolean> written,
            List<EventTypes.Skipped> skipped,
            List<String> warnings) {}

    /** Whether {@code name} can be a Java package: dot-separated identifiers, none a keyword. */
    public static boolean isPackageName(String name) {
        if (name == null || !PACKAGE.matcher(name).matches()) {
            return false;
        }
        for (String part : name.split("\\.")) {
            if (Identifiers.JAVA_KEYWORDS.contains(part)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Generates the code {@code request} asks for. Each output folder is replaced as a whole, and only when its
     * content changes; a folder holding files Reflekt did not write is never touched.
     *
     * @throws ReflektException for a bad request, a project problem (a file that does not parse, two events making
     *     one class), or, when the request is strict, schemas that cannot be typed (every problem, located)
     */
    public static Result run(ReflektProject project, GenerateRequest request) throws ReflektException, IOException {
        List<String> languages = new ArrayList<>();
        for (String l : request.languages()) {
            String lang = l.strip().toLowerCase(Locale.ROOT);
            if (!LANGUAGES.contains(lang)) {
                throw new ReflektException("Unknown language '" + l + "' (reflekt.generate.languages); use java,"
                        + " typescript or both.");
            }
            if (!languages.contains(lang)) {
                languages.add(lang);
            }
        }
        Sdk sdk = Sdks.named(request.sdk());
        if (languages.contains("java") && !isPackageName(request.packageName())) {
            throw new ReflektException("'" + request.packageName() + "' is not a Java package name"
                    + " (reflekt.generate.package); set one such as com.example.events.");
        }
        List<SchemaFile> files = project.select(request.select());
        EventTypes.Outcome outcome = EventTypes.outcome(Definitions.of(project), files);
        if (request.strict() && !outcome.skipped().isEmpty()) {
            List<String> all = new ArrayList<>();
            outcome.skipped().forEach(s -> all.addAll(s.reasons()));
            all.add(outcome.skipped().size() + " event(s) cannot be typed and reflekt.generate.strict is true;"
                    + " fix them, or set it to false to generate the others.");
            throw new ReflektException(all);
        }
        List<EventType> events = outcome.events();
        if (languages.contains("typescript")) {
            List<String> problems = TypeScriptGenerator.problems(events);
            if (!problems.isEmpty()) {
                throw new ReflektException(problems);
            }
        }
        Map<java.nio.file.Path, Boolean> written = new java.util.LinkedHashMap<>();
        // TypeScript is written while Java is (both read the same immutable event types)
        java.util.concurrent.CompletableFuture<Map<String, String>> ts = languages.contains("typescript")
                ? java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> new TypeScriptGenerator(request.version()).files(events, sdk))
                : null;
        if (languages.contains("java")) {
            Map<String, String> java = new JavaGenerator(request.packageName(), request.version()).files(events, sdk);
            written.put(request.javaDir(), OutputFolder.replace(request.javaDir(), java, project::display));
        }
        if (ts != null) {
            written.put(
                    request.typescriptDir(),
                    OutputFolder.replace(request.typescriptDir(), ts.join(), project::display));
        }
        return new Result(events.size(), written, outcome.skipped(), outcome.warnings());
    }
}
