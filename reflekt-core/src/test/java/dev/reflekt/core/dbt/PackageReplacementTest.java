package dev.reflekt.core.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.Golden;
import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.TableColumns;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package is a function of its inputs: what an earlier build generated is replaced, never merged, whatever
 * ran before; only what a user added survives. Also what a killed build leaves behind, and permissions.
 */
class PackageReplacementTest {

    @TempDir
    Path dir;

    private ReflektProject project;

    @BeforeEach
    void copyExample() throws Exception {
        Golden.copyTree(TestProject.EXAMPLE, dir);
        Golden.deleteTree(dir.resolve("target"));
        Golden.deleteTree(dir.resolve("artifacts"));
        project = ReflektProject.load(dir);
    }

    private BuildResult offline() throws Exception {
        return new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(Dialect.of("snowflake").orElseThrow(), "snowflake", "raw", "jaffle_shop"),
                        "segment",
                        Optional.empty());
    }

    /** A warehouse with two of the example's tables, in database ANALYTICS and schema shop. */
    private BuildResult fromWarehouse() throws Exception {
        TableColumns w = new TableColumns();
        for (String c : new String[] {"id", "received_at", "user_id", "event_text", "cart_id", "uuid_ts"}) {
            w.add("cart_viewed", c);
            w.add("tracks", c);
        }
        return new DbtBuilder(project)
                .build(
                        project.schemaFiles(),
                        new BuildTarget(Dialect.of("snowflake").orElseThrow(), "snowflake", "ANALYTICS", "shop"),
                        "segment",
                        Optional.of(w));
    }

    private static Map<String, String> contents(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }

    @Test
    void anOfflineBuildThenAWarehouseBuildEqualsTheWarehouseBuildAlone() throws Exception {
        Path pkg = fromWarehouse().packageDir();
        Map<String, String> alone = contents(pkg);
        Golden.deleteTree(pkg);

        offline();
        fromWarehouse();
        assertThat(contents(pkg)).isEqualTo(alone);
        assertThat(alone.keySet())
                .noneMatch(f -> f.startsWith("models/jaffle_shop/")) // the offline target's folder is gone
                .contains("models/shop/stg_shop__cart_viewed.sql");
        String sources = alone.get("models/shop/__src_shop.yml");
        assertThat(sources).contains("database: ANALYTICS").doesNotContain("database: raw", "- name: order_completed");
    }

    @Test
    void aWarehouseBuildThenAnOfflineBuildEqualsTheOfflineBuildAlone() throws Exception {
        Path pkg = offline().packageDir();
        Map<String, String> alone = contents(pkg);
        Golden.deleteTree(pkg);

        fromWarehouse();
        offline();
        assertThat(contents(pkg)).isEqualTo(alone);
    }

    @Test
    void whatAUserAddedSurvivesASwitchOfTarget() throws Exception {
        Path pkg = offline().packageDir();
        Files.writeString(pkg.resolve("models/my_mart.sql"), "select 1");
        Files.writeString(pkg.resolve("models/jaffle_shop/my_own.sql"), "select 2");
        fromWarehouse();
        assertThat(pkg.resolve("models/my_mart.sql")).content().isEqualTo("select 1");
        assertThat(pkg.resolve("models/jaffle_shop/my_own.sql")).content().isEqualTo("select 2");
        assertThat(pkg.resolve("models/jaffle_shop/stg_jaffle_shop__cart_viewed.sql"))
                .doesNotExist();
    }

    @Test
    void aKilledBuildsScratchFoldersAreRemovedByTheNextAndTheOutputFollowsTheUmask() throws Exception {
        Path parent = Files.createDirectories(dir.resolve("artifacts/dbt"));
        // What a build killed with -9 leaves: its scratch folders, named after a process that is gone.
        Path stale = Files.createDirectories(parent.resolve(".jaffle_shop-build-2147483646-abc/models"));
        Path older = Files.createDirectories(parent.resolve(".jaffle_shop-build-123456789")); // before pids in names
        Path plain = Files.createDirectories(dir.resolve("a-plain-folder"));
        Path pkg = offline().packageDir();
        try (Stream<Path> siblings = Files.list(parent)) {
            assertThat(siblings).containsExactly(pkg);
        }
        assertThat(stale).doesNotExist();
        assertThat(older).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pkg)))
                .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)));
        // Also a build that changes nothing cleans up.
        Files.createDirectories(stale);
        assertThat(offline().changed()).isFalse();
        assertThat(stale.getParent()).doesNotExist();
    }

    @Test
    void aLinkInThePackageIsNeitherFollowedNorKept() throws Exception {
        Path pkg = offline().packageDir();
        Path secret = Files.writeString(dir.resolve("secret.txt"), "do not copy");
        Path link = pkg.resolve("models/leak.sql");
        Files.createSymbolicLink(link, secret);
        Files.delete(pkg.resolve("README.md"));
        Files.createSymbolicLink(pkg.resolve("README.md"), secret); // a generated file's name, linked out
        offline();
        assertThat(link).doesNotExist();
        assertThat(Files.isSymbolicLink(pkg.resolve("README.md"))).isFalse();
        assertThat(secret).content().isEqualTo("do not copy");
    }

    @Test
    void theAuditReportsJinjaItCannotCompileAsAFinding() {
        DbtCompiler compiler = new DbtCompiler(
                Dialect.of("duckdb").orElseThrow(),
                Map.of(),
                Map.of("stg_x", "select {{ run_query('x') }} as a", "stg_y", "select 1"));
        assertThatThrownBy(compiler::compileAll)
                .isInstanceOf(ReflektException.class)
                .hasMessageStartingWith("[audit] stg_x holds Jinja the audit does not resolve ('{{ run_query");
    }

    @Test
    void theAuditCompilesEscapedSchemaTextBackToTheText() throws Exception {
        String escaped = Jinja.text("a{{ env_var('x') }}{%b{");
        DbtCompiler compiler = new DbtCompiler(
                Dialect.of("duckdb").orElseThrow(), Map.of(), Map.of("stg_x", "select '" + escaped + "' as a"));
        assertThat(compiler.compileAll()).containsEntry("stg_x", "select 'a{{ env_var('x') }}{%b{' as a");
    }
}
