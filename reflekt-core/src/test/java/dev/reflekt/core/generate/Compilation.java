package dev.reflekt.core.generate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources with the JDK's compiler API against the test class path (where the real SDKs are), as
 * Java 11 code, and loads the result.
 */
final class Compilation {

    /** The outcome: the errors javac reported, and a class loader over the classes when there were none. */
    record Result(List<String> errors, ClassLoader loader) {
        boolean ok() {
            return errors.isEmpty();
        }

        Class<?> load(String name) throws ClassNotFoundException {
            return Class.forName(name, true, loader);
        }
    }

    private Compilation() {}

    /** Compiles {@code sources} (relative path to text) in {@code dir}. */
    static Result compile(Path dir, Map<String, String> sources) {
        try {
            Path src = dir.resolve("src");
            Path classes = dir.resolve("classes");
            Files.createDirectories(classes);
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path f = src.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
                files.add(f);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fm =
                    javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                List<String> options = List.of(
                        "--release",
                        "11",
                        "-Xlint:all",
                        "-Xlint:-options",
                        "-Xlint:-processing",
                        "-Werror",
                        "-encoding",
                        "US-ASCII",
                        "-classpath",
                        System.getProperty("java.class.path"),
                        "-d",
                        classes.toString());
                StringWriter out = new StringWriter();
                javac.getTask(out, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files))
                        .call();
            }
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR
                        || d.getKind() == Diagnostic.Kind.WARNING
                        || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
                    String file = d.getSource() == null
                            ? ""
                            : src.relativize(Path.of(d.getSource().toUri())) + ":";
                    errors.add(file + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
                }
            }
            ClassLoader loader = errors.isEmpty()
                    ? new URLClassLoader(new URL[] {classes.toUri().toURL()}, Compilation.class.getClassLoader())
                    : null;
            return new Result(errors, loader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
