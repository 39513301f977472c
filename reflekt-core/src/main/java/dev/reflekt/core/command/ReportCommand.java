package dev.reflekt.core.command;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.catalog.Catalog;
import dev.reflekt.core.project.ReflektProject;
import java.io.IOException;
import java.nio.file.Path;

/** {@code reflekt:report}: Markdown documentation of the selected schemas. */
public final class ReportCommand {

    private ReportCommand() {}

    /**
     * Where the documentation goes.
     *
     * @param select the selection; blank for every schema
     * @param folder the folder of {@code index.md} and the pages (replaced as a whole)
     * @param besideSchemas also write each page beside its schema ({@code schemas/<event>/1-0.md})
     */
    public record Request(String select, Path folder, boolean besideSchemas) {}

    /** How many pages were written. */
    public record Result(int pages) {}

    public static Result run(ReflektProject project, Request request) throws ReflektException, IOException {
        Catalog catalog = Catalog.of(project, project.select(request.select()));
        catalog.write(request.folder());
        if (request.besideSchemas()) {
            catalog.writeBesideSchemas();
        }
        return new Result(catalog.pages().size());
    }
}
