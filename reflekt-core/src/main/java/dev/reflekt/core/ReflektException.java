package dev.reflekt.core;

import java.util.List;

/**
 * Something the user must fix: a bad config file, a selection that matches nothing, an unknown rule.
 *
 * <p>The message is complete and meant to be printed as it is: what is wrong, where (path relative to
 * the project, line:col) and what to do. It never contains a secret.
 */
public class ReflektException extends Exception {

    private final List<String> problems;

    public ReflektException(String message) {
        this(List.of(message));
    }

    public ReflektException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public ReflektException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    /** Each problem on its own, one line each. */
    public List<String> problems() {
        return problems;
    }
}
