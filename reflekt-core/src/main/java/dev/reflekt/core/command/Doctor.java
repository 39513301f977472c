package dev.reflekt.core.command;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.command.Diagnosis.Check;
import dev.reflekt.core.command.Diagnosis.Status;
import dev.reflekt.core.dbt.CollectorShapes;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.lint.Linter;
import dev.reflekt.core.project.EntryTypes;
import dev.reflekt.core.project.ProfileEntry;
import dev.reflekt.core.project.Profiles;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.registry.Registries;
import dev.reflekt.core.registry.RegistryClient;
import dev.reflekt.core.registry.RegistryType;
import dev.reflekt.core.registry.RetryPolicy;
import dev.reflekt.core.warehouse.WarehouseType;
import dev.reflekt.core.warehouse.Warehouses;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "is my Reflekt configuration right?": the project file, the meta-schema, the profiles file,
 * the selected profile and each of its registry and source entries; optionally an authenticated read
 * from each registry and whether each source's host answers. The Python CLI's {@code reflekt debug}. Never prints a secret.
 */
public final class Doctor {

    private static final int CONNECT_TIMEOUT_MILLIS = 3000;
    private static final RetryPolicy CHECK_POLICY = new RetryPolicy(
            2,
            java.time.Duration.ofSeconds(20),
            java.time.Duration.ofMillis(500),
            java.time.Duration.ofSeconds(5),
            java.time.Duration.ofSeconds(5),
            java.time.Duration.ofSeconds(10));

    private final Map<String, String> env;

    /** @param env the environment for {@code {{ env_var('NAME') }}} values */
    public Doctor(Map<String, String> env) {
        this.env = env;
    }

    /**
     * Runs every check for the project in {@code dir}.
     *
     * @param profileName the profile to check; blank for {@code default_profile}
     * @param connect also try to reach each entry's host
     */
    public Diagnosis diagnose(Path dir, String profileName, boolean connect) {
        return diagnose(dir, profileName, connect, null);
    }

    /**
     * As {@link #diagnose(Path, String, boolean)}; with {@code sdk} ({@code -Dreflekt.sdk}), also says where that
     * collector's loader puts events in each source's warehouse and which raw tables a build would read.
     */
    public Diagnosis diagnose(Path dir, String profileName, boolean connect, String sdk) {
        List<Check> checks = new ArrayList<>();
        ReflektProject project;
        try {
            project = ReflektProject.load(dir);
            checks.add(new Check(
                    Status.OK,
                    ReflektProject.PROJECT_FILE,
                    "valid (project " + project.config().name() + ", " + project.dir() + ")"));
        } catch (ReflektException e) {
            e.problems().forEach(p -> checks.add(new Check(Status.FAIL, ReflektProject.PROJECT_FILE, p)));
            return new Diagnosis(checks);
        }
        try {
            new Linter(project, Severities.defaults());
            checks.add(new Check(Status.OK, ReflektProject.META_SCHEMA, "valid"));
            int count = project.schemaFiles().size();
            checks.add(new Check(
                    count == 0 ? Status.WARN : Status.OK,
                    ReflektProject.SCHEMAS_DIR + "/",
                    count == 0 ? "no schemas yet; add schemas/<plan>/<Event_Name>/1-0.json" : count + " schemas"));
        } catch (ReflektException e) {
            e.problems().forEach(p -> checks.add(new Check(Status.FAIL, ReflektProject.META_SCHEMA, p)));
        }
        checkProfiles(project, profileName, connect, checks, sdk);
        return new Diagnosis(checks);
    }

    /** The collector's checks for one source of the profile. */
    private static void checkCollector(ReflektProject project, String sdk, ProfileEntry entry, List<Check> checks) {
        String subject = "collector " + sdk.strip();
        CollectorShapes shapes;
        try {
            shapes = CollectorShapes.of(sdk);
        } catch (ReflektException e) {
            checks.add(new Check(Status.FAIL, subject, e.getMessage()));
            return;
        }
        Optional<String> problem = shapes.problem(project);
        if (problem.isPresent()) {
            checks.add(new Check(Status.FAIL, subject, problem.get()));
            return;
        }
        Optional<Dialect> dialect = Dialect.of(entry.type());
        if (dialect.isEmpty()) {
            return;
        }
        String where = subject + " on source " + entry.id();
        checks.add(new Check(Status.OK, where, shapes.product() + " loads " + shapes.shape(dialect.get())));
        try {
            List<String> tables = shapes.tables(project, dialect.get(), "<schema>");
            checks.add(new Check(
                    Status.OK,
                    where,
                    "a build reads " + (tables.isEmpty() ? "no table yet" : String.join(", ", tables))));
        } catch (ReflektException e) {
            e.problems().forEach(p -> checks.add(new Check(Status.FAIL, where, p)));
        }
    }

    private void checkProfiles(
            ReflektProject project, String profileName, boolean connect, List<Check> checks, String sdk) {
        String shown = project.display(project.profilesFile());
        if (!Files.isRegularFile(project.profilesFile())) {
            checks.add(new Check(
                    Status.WARN,
                    shown,
                    "not found; lint and report do not need it, but build, push and" + " pull do (profiles_path in "
                            + ReflektProject.PROJECT_FILE + ")"));
            return;
        }
        Profiles.Profile profile;
        try {
            Profiles profiles = project.profiles(env);
            checks.add(new Check(Status.OK, shown, "valid"));
            profile = profiles.profile(profileName);
            checks.add(new Check(
                    Status.OK,
                    "profile",
                    "'" + profile.name() + "' selected"
                            + (profileName == null || profileName.isBlank() ? " (default_profile)" : "")));
        } catch (ReflektException e) {
            e.problems().forEach(p -> checks.add(new Check(Status.FAIL, shown, p)));
            return;
        }
        if (profile.registries().isEmpty() && profile.sources().isEmpty()) {
            checks.add(new Check(Status.WARN, "profile", "'" + profile.name() + "' has no registry and no source"));
        }
        for (ProfileEntry entry : profile.registries()) {
            checkEntry(project, "registry", entry, connect, checks);
        }
        for (ProfileEntry entry : profile.sources()) {
            checkEntry(project, "source", entry, connect, checks);
            if (sdk != null && !sdk.isBlank()) {
                checkCollector(project, sdk, entry, checks);
            }
        }
    }

    private void checkEntry(
            ReflektProject project, String kind, ProfileEntry entry, boolean connect, List<Check> checks) {
        String subject = kind + " " + entry.id();
        if (!entry.unresolved().isEmpty()) {
            entry.unresolved().forEach(p -> checks.add(new Check(Status.FAIL, subject, p)));
            return;
        }
        Optional<EntryTypes.EntryType> type = EntryTypes.of(entry.type());
        if (type.isEmpty() || !type.get().kind().equals(kind)) {
            checks.add(new Check(
                    Status.FAIL,
                    subject,
                    "unknown " + kind + " type '" + entry.type() + "'; use one of " + EntryTypes.known(kind)));
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String key : type.get().required()) {
            if (java.util.Arrays.stream(key.split("\\|"))
                    .noneMatch(k -> entry.get(k).filter(v -> !v.isBlank()).isPresent())) {
                missing.add(key.replace("|", " or "));
            }
        }
        if (!missing.isEmpty()) {
            checks.add(new Check(Status.FAIL, subject, "missing " + String.join(", ", missing) + " (" + entry + ")"));
            return;
        }
        List<String> fromEnv = entry.keys().stream()
                .filter(k -> entry.origin(k).startsWith("environment variable"))
                .sorted()
                .map(k -> k + " from " + entry.origin(k))
                .toList();
        checks.add(new Check(
                Status.OK,
                subject,
                "type " + entry.type() + ", complete" + (fromEnv.isEmpty() ? "" : "; " + String.join(", ", fromEnv))));
        if (connect) {
            checks.add(kind.equals("registry") ? login(project, subject, entry) : connect(project, subject, entry));
        }
    }

    /** An authenticated read from the registry, with the client a push or pull would use. */
    private Check login(ReflektProject project, String subject, ProfileEntry entry) {
        try {
            RegistryClient client = Registries.client(
                    entry, Map.of(), project.config(), CHECK_POLICY, note -> {}, d -> Thread.sleep(d.toMillis()));
            return new Check(Status.OK, subject, client.name() + " answered: " + client.check());
        } catch (ReflektException e) {
            return new Check(Status.FAIL, subject, e.getMessage());
        }
    }

    /** Whether the entry's host answers on its port; what a build would reach first. */
    private Check connect(ReflektProject project, String subject, ProfileEntry entry) {
        if (entry.type().equals("duckdb")) {
            Path file = project.resolvePath(entry.get("path").orElse(""));
            return Files.isRegularFile(file)
                    ? new Check(Status.OK, subject, "DuckDB file " + project.display(file) + " exists")
                    : new Check(
                            Status.FAIL,
                            subject,
                            "DuckDB file " + project.display(file) + " does not exist; create"
                                    + " it or correct 'path'");
        }
        Optional<InetSocketAddress> address = address(entry);
        if (address.isEmpty()) {
            return new Check(Status.FAIL, subject, "no valid host/port or url to try for type " + entry.type());
        }
        InetSocketAddress a = address.get();
        try (Socket socket = new Socket()) {
            socket.connect(a, CONNECT_TIMEOUT_MILLIS);
            return new Check(Status.OK, subject, "reached " + a.getHostString() + ":" + a.getPort());
        } catch (IOException e) {
            return new Check(
                    Status.FAIL,
                    subject,
                    "cannot reach " + a.getHostString() + ":" + a.getPort() + " ("
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + ")");
        }
    }

    private static Optional<InetSocketAddress> address(ProfileEntry entry) {
        Optional<String> url = entry.get("url").or(() -> entry.get("api_url")).or(() -> Registries.type(entry.type())
                .flatMap(RegistryType::defaultUrl));
        if (url.isPresent()) {
            try {
                URI uri = URI.create(url.get());
                int port = uri.getPort() > 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
                return uri.getHost() == null
                        ? Optional.empty()
                        : Optional.of(new InetSocketAddress(uri.getHost(), port));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        Optional<String> host = entry.get("host");
        if (host.isPresent()) {
            try {
                int port = entry.get("port")
                        .map(Integer::parseInt)
                        .orElse(WarehouseType.of(entry.type())
                                .map(WarehouseType::defaultPort)
                                .orElse(443));
                return Optional.of(new InetSocketAddress(host.get(), port));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Warehouses.defaultHost(entry).map(h -> new InetSocketAddress(h, 443));
    }
}
