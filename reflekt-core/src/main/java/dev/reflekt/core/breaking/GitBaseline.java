package dev.reflekt.core.breaking;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.project.ReflektProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The project's schemas as they are at a git ref, read with JGit (no {@code git} binary needed).
 *
 * @param ref the ref as the user knows it ({@code origin/main})
 * @param commit the abbreviated commit id it resolved to
 * @param schemasPath the {@code schemas/} folder's path in the repository
 * @param schemas schema id (path relative to {@code schemas/}) → file content at the ref
 * @param definitions the same for the shared definitions ({@code .reflekt/definitions/...})
 */
public record GitBaseline(
        String ref, String commit, String schemasPath, Map<String, byte[]> schemas, Map<String, byte[]> definitions) {

    /** A baseline without shared definitions. */
    public GitBaseline(String ref, String commit, String schemasPath, Map<String, byte[]> schemas) {
        this(ref, commit, schemasPath, schemas, Map.of());
    }

    /**
     * Reads the schemas of {@code project} at {@code against}; when blank, at the upstream of the current
     * branch, else {@code origin/main}, else {@code main}.
     *
     * @throws ReflektException when the project is not in a git repository or the ref does not exist
     */
    public static GitBaseline read(ReflektProject project, String against) throws ReflektException {
        Path dir = project.dir();
        try (Repository repo = new FileRepositoryBuilder()
                .findGitDir(dir.toFile())
                .setMustExist(true)
                .build()) {
            if (repo.getDirectory() == null || repo.isBare()) {
                throw notARepository(dir);
            }
            Path workTree = repo.getWorkTree().toPath().toAbsolutePath().normalize();
            String prefix = workTree.relativize(dir).toString().replace('\\', '/');
            String schemasPath = (prefix.isEmpty() ? "" : prefix + "/") + ReflektProject.SCHEMAS_DIR;

            List<String> candidates = candidates(repo, against);
            for (String candidate : candidates) {
                ObjectId id = repo.resolve(candidate + "^{commit}");
                if (id != null) {
                    Map<String, byte[]> schemas = read(repo, id, schemasPath);
                    Map<String, byte[]> definitions = new TreeMap<>();
                    schemas.keySet().removeIf(k -> {
                        if (k.startsWith(ReflektProject.META_DIR + "/")) {
                            if (k.startsWith(ReflektProject.DEFINITIONS_DIR + "/")) {
                                definitions.put(k, schemas.get(k));
                            }
                            return true;
                        }
                        return false;
                    });
                    return new GitBaseline(
                            shortName(candidate), id.abbreviate(10).name(), schemasPath, schemas, definitions);
                }
            }
            throw new ReflektException(
                    against == null || against.isBlank()
                            ? "No git ref to compare with: tried " + candidates + " in " + workTree + ". Name one with"
                                    + " -Dreflekt.against=<ref>; in a shallow CI checkout fetch the base branch first"
                                    + " (git fetch origin main, or fetch-depth: 0)."
                            : "Git ref '" + against + "' not found in " + workTree
                                    + ". Fetch it (git fetch origin) or name"
                                    + " another with -Dreflekt.against=<ref>.");
        } catch (RepositoryNotFoundException | IllegalArgumentException e) {
            throw notARepository(dir);
        } catch (IOException e) {
            throw new ReflektException("Cannot read the git repository of " + dir + ": " + e.getMessage(), e);
        }
    }

    private static ReflektException notARepository(Path dir) {
        return new ReflektException(dir + " is not in a git repository; reflekt:breaking compares the schemas with"
                + " a git ref. Run it in a clone, or skip it with -Dreflekt.breaking.skip.");
    }

    private static List<String> candidates(Repository repo, String against) throws IOException {
        List<String> out = new ArrayList<>();
        if (against != null && !against.isBlank()) {
            out.add(against.strip());
            return out;
        }
        String branch = repo.getBranch();
        if (branch != null) {
            String tracking = new BranchConfig(repo.getConfig(), branch).getTrackingBranch();
            if (tracking != null) {
                out.add(tracking);
            }
        }
        out.add("origin/main");
        out.add("main");
        return out;
    }

    private static String shortName(String ref) {
        return Repository.shortenRefName(ref);
    }

    private static Map<String, byte[]> read(Repository repo, ObjectId commitId, String schemasPath) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (RevWalk walk = new RevWalk(repo);
                TreeWalk tree = new TreeWalk(repo)) {
            RevCommit commit = walk.parseCommit(commitId);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            tree.setFilter(PathFilter.create(schemasPath));
            String prefix = schemasPath + "/";
            while (tree.next()) {
                String path = tree.getPathString();
                String id = path.substring(prefix.length());
                if (!id.endsWith(".json")) {
                    continue;
                }
                out.put(id, repo.open(tree.getObjectId(0)).getBytes());
            }
        }
        return out;
    }
}
