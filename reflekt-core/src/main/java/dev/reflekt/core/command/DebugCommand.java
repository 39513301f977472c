package dev.reflekt.core.command;

import java.nio.file.Path;
import java.util.Map;

/** {@code reflekt:debug}: checks the configuration, and with {@code connect} reaches registries and sources. */
public final class DebugCommand {

    private DebugCommand() {}

    /**
     * What to check.
     *
     * @param dir the Reflekt project's folder
     * @param profile the profile to check; blank for {@code default_profile}
     * @param connect whether to log in to registries and reach sources
     * @param sdk the collector whose raw tables to describe per source; blank for none
     * @param env the environment, for {@code env_var} in the profiles
     */
    public record Request(Path dir, String profile, boolean connect, String sdk, Map<String, String> env) {}

    public static Diagnosis run(Request request) {
        return new Doctor(request.env()).diagnose(request.dir(), request.profile(), request.connect(), request.sdk());
    }
}
