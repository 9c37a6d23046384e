package dev.convoy.cli.campaign;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.UsageException;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.Targets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code convoy campaign create}: a DRAFT campaign (push, big bang, automatic) of one release to targets. */
@Command(name = "create", description = "Creates a campaign (in DRAFT) deploying a release to targets.")
public final class CampaignCreateCommand extends CliCommand {
  @Option(names = "--release", required = true, paramLabel = "N@V", converter = ReleaseRef.Converter.class,
      description = "The release to deploy, e.g. hello-convoy@1.0.0.")
  private ReleaseRef release;

  @Option(names = "--targets", required = true, paramLabel = "TARGETS",
      description = {"group:G, all, or endpoint:ID[,ID...]; comma separated, may be repeated.",
          "Example: --targets group:lab,endpoint:ep-1a2b3c4d5e6f7a8b"})
  private List<String> targets;

  @Option(names = "--title", paramLabel = "T", description = "A human title for the campaign.")
  private String title = "";

  @Mixin
  private OutputOption output;

  CampaignCreateCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    Campaign campaign = create(context, release, parseTargets(targets), title);
    if (json) {
      context.out().println(Json.pretty(campaign));
    } else {
      context.out().print(CampaignView.render(campaign));
      context.err().println("Start it with: convoy campaign start " + campaign.getCampaignId());
    }
    return ExitCodes.OK;
  }

  /** @throws UsageException naming {@code --targets} and the expected forms */
  static Targets parseTargets(List<String> values) {
    try {
      return TargetsParser.parse(values);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--targets: " + e.getMessage(), e);
    }
  }

  /** Creates the campaign; shared with the quick start. */
  public static Campaign create(CliContext context, ReleaseRef release, Targets targets, String title) {
    return context.admin().createCampaign(CreateCampaignRequest.newBuilder()
        .setReleaseName(release.name()).setReleaseVersion(release.version())
        .setTargets(targets).setTitle(title == null ? "" : title).build());
  }
}
