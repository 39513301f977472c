package dev.reflekt.core.command;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.breaking.BreakingChecker;
import dev.reflekt.core.breaking.ChangeSummary;
import dev.reflekt.core.breaking.GitBaseline;
import dev.reflekt.core.finding.CheckResult;
import dev.reflekt.core.finding.Severities;
import dev.reflekt.core.project.ReflektProject;
import java.util.List;

/** {@code reflekt:breaking}: the schemas against a git ref, by the versioning rules. */
public final class BreakingCommand {

    private BreakingCommand() {}

    /**
     * What to compare with and how.
     *
     * @param against the git ref ({@code reflekt.against})
     * @param severities each rule's severity
     * @param allow changes allowed without a new MAJOR version ({@code reflekt.breaking.allow})
     * @param redshift whether Redshift's limits count ({@code reflekt.breaking.redshift})
     */
    public record Request(String against, Severities severities, List<String> allow, boolean redshift) {}

    /**
     * What the comparison found.
     *
     * @param baseline the ref and commit compared with, and its schemas
     * @param changes {@code changes.md}: the change summary, Markdown
     * @param findings the rule findings
     */
    public record Result(GitBaseline baseline, String changes, CheckResult findings) {}

    public static Result run(ReflektProject project, Request request) throws ReflektException {
        BreakingChecker checker = new BreakingChecker(
                project,
                request.severities(),
                request.allow() == null ? List.of() : request.allow(),
                request.redshift());
        GitBaseline baseline = GitBaseline.read(project, request.against());
        String changes = ChangeSummary.render(project, baseline, request.redshift());
        return new Result(baseline, changes, checker.check(baseline));
    }
}
