package dev.reflekt.core.command;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.generate.GenerateRequest;
import dev.reflekt.core.generate.Generator;
import dev.reflekt.core.project.ReflektProject;
import java.io.IOException;

/** {@code reflekt:generate}: typed Java and TypeScript tracking code from the selected schemas. */
public final class GenerateCommand {

    private GenerateCommand() {}

    /** Generates the code {@code request} asks for; nothing is written when any schema cannot be typed. */
    public static Generator.Result run(ReflektProject project, GenerateRequest request)
            throws ReflektException, IOException {
        return Generator.run(project, request);
    }

    /** Whether {@code name} can be a Java package: dot-separated identifiers, none a keyword. */
    public static boolean isPackageName(String name) {
        return Generator.isPackageName(name);
    }
}
