package dev.convoy.cli.campaign;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.UsageException;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.DeploymentAction;
import dev.convoy.protocol.v1.Targets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code convoy campaign create}: a DRAFT campaign (push, big bang, automatic) that installs (or, with
 * {@code --uninstall}, removes) one release on targets.
 */
@Command(name = "create", description = "Creates a campaign (in DRAFT) installing a release on targets,"
    + " or uninstalling it with --uninstall.")
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

  @Option(names = "--uninstall",
      description = "Uninstall the release from the targets instead of installing it (no download).")
  private boolean uninstall;

  @Option(names = "--allow-downgrade", description = {
      "Allow replacing a newer installed version with this release.",
      "Only takes effect when the release itself was signed as a downgrade (convoy release build --downgrade)."})
  private boolean allowDowngrade;

  @Mixin
  private OutputOption output;

  CampaignCreateCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    Campaign campaign = context.admin().createCampaign(request(release, parseTargets(targets), title)
        .setAction(uninstall ? DeploymentAction.UNINSTALL : DeploymentAction.INSTALL)
        .setAllowDowngrade(allowDowngrade).build());
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

  /** Creates an install campaign; shared with the quick start. */
  public static Campaign create(CliContext context, ReleaseRef release, Targets targets, String title) {
    return context.admin().createCampaign(request(release, targets, title).setAction(DeploymentAction.INSTALL)
        .build());
  }

  private static CreateCampaignRequest.Builder request(ReleaseRef release, Targets targets, String title) {
    return CreateCampaignRequest.newBuilder()
        .setReleaseName(release.name()).setReleaseVersion(release.version())
        .setTargets(targets).setTitle(title == null ? "" : title);
  }
}
