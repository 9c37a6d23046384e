package dev.convoy.cli.release;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.campaign.ReleaseRef;
import dev.convoy.cli.governance.GovernanceViews;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.WaiveReadinessRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code convoy release waive N@V --missing kb,training --comment TEXT}: the release Accountable's waiver. */
@Command(name = "waive", description = {"Waives missing readiness items of a release, as its Accountable.",
    "Recorded in the audit log; production campaigns of the release may then be created."})
public final class ReleaseWaiveCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "N@V", converter = ReleaseRef.Converter.class, description = "The release.")
  private ReleaseRef release;

  @Option(names = "--missing", required = true, split = ",", paramLabel = "ITEM,...",
      description = "runbook, user-doc, kb, training")
  private List<String> missing;

  @Option(names = "--comment", required = true, paramLabel = "TEXT", description = "Why it may go without them.")
  private String comment;

  @Mixin
  private OutputOption output;

  ReleaseWaiveCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    var readiness = context.admin().waiveReadiness(WaiveReadinessRequest.newBuilder()
        .setReleaseName(release.name()).setReleaseVersion(release.version()).addAllMissing(missing)
        .setComment(comment).build());
    context.out().print(json ? Json.pretty(readiness) + "\n" : GovernanceViews.readiness(readiness));
    return ExitCodes.OK;
  }
}
