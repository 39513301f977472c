package dev.reflekt.maven;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.warehouse.MetadataReader;
import dev.reflekt.core.warehouse.WarehouseType;
import dev.reflekt.core.warehouse.Warehouses;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.util.artifact.JavaScopes;

/**
 * Fetches a warehouse's JDBC driver through Maven's resolver when a build needs it, and loads it in a
 * class loader of its own: a lint or offline build downloads no driver.
 */
final class DriverResolver implements Warehouses.DriverLoader, AutoCloseable {

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;
    private final Map<String, String> overrides;
    private final Log log;
    private final List<URLClassLoader> loaders = new ArrayList<>();

    /** @param overrides warehouse type → {@code groupId:artifactId:version} replacing the pinned driver */
    DriverResolver(
            RepositorySystem system,
            RepositorySystemSession session,
            List<RemoteRepository> repositories,
            Map<String, String> overrides,
            Log log) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
        this.overrides = overrides;
        this.log = log;
    }

    @Override
    public Driver load(WarehouseType type) throws ReflektException {
        String coordinates = overrides.getOrDefault(type.type(), type.driverCoordinates());
        try {
            var artifact = system.resolveArtifact(
                            session, new ArtifactRequest(new DefaultArtifact(coordinates), repositories, null))
                    .getArtifact();
            log.info("Using the " + type.type() + " JDBC driver " + coordinates);
            URLClassLoader loader = new URLClassLoader(
                    new URL[] {artifact.getFile().toURI().toURL()}, getClass().getClassLoader());
            loaders.add(loader);
            return (Driver) Class.forName(type.driverClass(), true, loader)
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ArtifactResolutionException | IllegalArgumentException e) {
            throw new ReflektException(
                    "Cannot fetch the " + type.type() + " JDBC driver " + coordinates + ": "
                            + e.getMessage() + ". Check the network or the repository settings, or set <drivers><"
                            + type.type() + ">groupId:artifactId:version</" + type.type() + "></drivers>.",
                    e);
        } catch (ReflectiveOperationException | IOException | ClassCastException e) {
            throw new ReflektException("The jar " + coordinates + " has no JDBC driver " + type.driverClass() + ".", e);
        }
    }

    /** Fetches the client library with its dependencies and loads {@code className} beside it. */
    @Override
    public MetadataReader reader(String className) throws ReflektException {
        String coordinates = overrides.getOrDefault("bigquery", MetadataReader.BIGQUERY_CLIENT);
        try {
            CollectRequest collect = new CollectRequest(
                    new Dependency(new DefaultArtifact(coordinates), JavaScopes.RUNTIME), repositories);
            List<URL> urls = new ArrayList<>();
            urls.add(MetadataReader.class.getProtectionDomain().getCodeSource().getLocation());
            for (ArtifactResult r : system.resolveDependencies(session, new DependencyRequest(collect, null))
                    .getArtifactResults()) {
                urls.add(r.getArtifact().getFile().toURI().toURL());
            }
            log.info("Using the BigQuery client " + coordinates + " (" + (urls.size() - 1) + " jars)");
            String ownPackage = className.substring(0, className.lastIndexOf('.') + 1);
            URLClassLoader loader =
                    new IsolatedClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader(), ownPackage);
            loaders.add(loader);
            return (MetadataReader) Class.forName(className, true, loader)
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (DependencyResolutionException | IllegalArgumentException e) {
            throw new ReflektException(
                    "Cannot fetch the BigQuery client " + coordinates + ": " + e.getMessage()
                            + ". Check the network or the repository settings, or set"
                            + " <drivers><bigquery>groupId:artifactId:version</bigquery></drivers>.",
                    e);
        } catch (ReflectiveOperationException | IOException | ClassCastException | LinkageError e) {
            throw new ReflektException("Cannot load " + className + " with " + coordinates + ": " + e, e);
        }
    }

    @Override
    public void close() throws IOException {
        for (URLClassLoader loader : loaders) {
            loader.close();
        }
    }
}
