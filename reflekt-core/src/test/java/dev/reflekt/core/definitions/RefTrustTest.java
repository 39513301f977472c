package dev.reflekt.core.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import dev.reflekt.core.catalog.Catalog;
import dev.reflekt.core.command.GenerateCommand;
import dev.reflekt.core.dbt.BuildTarget;
import dev.reflekt.core.dbt.DbtBuilder;
import dev.reflekt.core.generate.GenerateRequest;
import dev.reflekt.core.project.ReflektProject;
import dev.reflekt.core.warehouse.dialect.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code $ref} reads only real files under schemas/ (after links) and only schemas: every goal that resolves
 * references refuses the same way, so a link to a credentials file never reaches a package, code or a report.
 */
class RefTrustTest {

    private static final String SECRET = "-----BEGIN PRIVATE KEY-----MIIEvQ";

    @TempDir
    Path dir;

    /** Every goal that resolves the project's refs: each must refuse, naming {@code expected}. */
    private void everyGoalRefuses(TestProject p, String expected) throws Exception {
        ReflektProject project = p.load();
        assertThat(p.lint().findings().stream()
                        .map(dev.reflekt.core.finding.Finding::format)
                        .toList())
                .anySatisfy(line -> assertThat(line).contains(expected).contains("error"));
        assertThatThrownBy(() -> new DbtBuilder(project)
                        .build(
                                project.schemaFiles(),
                                new BuildTarget(Dialect.of("duckdb").orElseThrow(), "duckdb", "raw", "shop"),
                                "segment",
                                Optional.empty()))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining(expected);
        assertThatThrownBy(() -> GenerateCommand.run(
                        project,
                        new GenerateRequest(
                                List.of("java", "typescript"),
                                "x.events",
                                dir.resolve("out/java"),
                                dir.resolve("out/ts"),
                                "none",
                                null,
                                "T")))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining(expected);
        assertThatThrownBy(() -> Catalog.of(project, project.schemaFiles()))
                .isInstanceOf(ReflektException.class)
                .hasMessageContaining(expected);
        try (var walk = Files.walk(dir)) {
            for (Path f : walk.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .toList()) {
                if (!f.getFileName().toString().equals("gha-creds.json")) {
                    assertThat(Files.readString(f)).as(f.toString()).doesNotContain(SECRET);
                }
            }
        }
    }

    @Test
    void aDefinitionThatIsALinkOutOfSchemasIsRefusedByEveryGoal() throws Exception {
        TestProject p = TestProject.create(dir.resolve("p"))
                .write("gha-creds.json", "{\"type\": \"object\", \"description\": \"" + SECRET + "\"}")
                .schema("shop/Cart_Viewed/1-0.json", "Cart Viewed", """
                        {"key": {"$ref": "../../.reflekt/definitions/k/1-0.json", "description": "The key."}}""");
        Path link = dir.resolve("p/schemas/.reflekt/definitions/k/1-0.json");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of("../../../../gha-creds.json"));
        everyGoalRefuses(p, "is a link to gha-creds.json, outside schemas/");
    }

    @Test
    void aRefIntoDataIsRefusedByEveryGoal() throws Exception {
        for (String target : List.of("#/properties/kind/enum", "#/required", "#/self", "#/properties/kind/type")) {
            Path at = dir.resolve("p" + Math.abs(target.hashCode()));
            TestProject p =
                    TestProject.create(at).schema("shop/Cart_Viewed/1-0.json", "Cart Viewed", """
                    {"kind": {"type": "string", "description": "K.", "enum": ["a"]},
                     "copy": {"$ref": "%s", "description": "C."}}""".formatted(target));
            everyGoalRefuses(p, "$ref \"" + target + "\" points to '" + target + "', which ");
        }
    }

    @Test
    void schemaPositionsAreTheOnesThatHoldSchemas() {
        var object = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (String ok : List.of(
                "",
                "/definitions/a",
                "/$defs/a",
                "/properties/a/items",
                "/properties/a/items/0",
                "/allOf/1/properties/b",
                "/properties/a/additionalProperties",
                "/properties/enum")) {
            assertThat(Resolver.schemaPosition(ok, object)).as(ok).isNull();
        }
        for (String bad : List.of(
                "/properties/a/enum",
                "/required",
                "/self",
                "/properties/a/type",
                "/properties/a/const",
                "/properties",
                "/allOf/x",
                "/examples/0")) {
            assertThat(Resolver.schemaPosition(bad, object)).as(bad).isNotNull();
        }
        assertThat(Resolver.schemaPosition("/definitions/a", com.fasterxml.jackson.databind.node.TextNode.valueOf("x")))
                .contains("not a schema");
    }
}
