package dev.convoy.cli.campaign;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.UsageException;
import dev.convoy.cli.campaign.options.NoticeOptions;
import dev.convoy.cli.campaign.options.ResilienceOptions;
import dev.convoy.cli.campaign.options.RolloutOptions;
import dev.convoy.cli.campaign.options.ScheduleOptions;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CreateCampaignRequest;
import dev.convoy.protocol.v1.DeploymentAction;
import dev.convoy.protocol.v1.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy campaign create NAME@VERSION --targets ...}: a DRAFT campaign that installs (or, with
 * {@code --uninstall}, removes) one release on targets, on the three axes (delivery, rollout, execution), with
 * windows, a notice, deferral limits, waves, timeouts and retries. Every option is checked before the server is
 * contacted: a malformed one is a usage error (exit 2) and nothing is sent. Options not given are left unset, so
 * that {@code --preset} and the server's defaults fill them.
 */
@Command(name = "create", sortOptions = false, description = {
    "Creates a campaign (in DRAFT) installing a release on targets, or uninstalling it with --uninstall.",
    "Durations: 90s, 30m, 72h, 3d, 1h30m or ISO-8601 PT72H.",
    "Instants: 2027-03-27T00:00:00+01:00, or a local date-time with --zone.",
    "Full reference and examples: docs/cli-campaigns.md."},
    footer = {"%nExamples:",
        "  convoy campaign create office@7.6.4 --targets group:office --preset weekend",
        "  convoy campaign create office@7.6.4 --targets all --exclude-group kiosks --rollout phased \\",
        "      --wave name=pilot,groups=pilot,success=95%%,soak=24h,go --wave name=rest,percent=100"})
public final class CampaignCreateCommand extends CliCommand {
  /** The presets the server knows (docs/campaigns.md). */
  static final Set<String> PRESETS = Set.of("weekend");

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME@VERSION", converter = ReleaseRef.Converter.class,
      description = "The release to deploy, e.g. hello-convoy@1.0.0 (or give --release).")
  private ReleaseRef positionalRelease;

  @Option(names = "--release", paramLabel = "N@V", converter = ReleaseRef.Converter.class,
      description = "The release to deploy, as an option (same as NAME@VERSION).")
  private ReleaseRef optionRelease;

  @Option(names = {"--targets", "--target"}, required = true, paramLabel = "TARGETS",
      description = {"group:G, all, or endpoint:ID[,ID...]; comma separated, may be repeated.",
          "Example: --targets group:lab,endpoint:ep-1a2b3c4d5e6f7a8b"})
  private List<String> targets;

  @Option(names = "--exclude-group", paramLabel = "G", split = ",",
      description = "Leave out this group's endpoints (repeatable).")
  private List<String> excludeGroups = new ArrayList<>();

  @Option(names = "--exclude-endpoint", paramLabel = "E", split = ",",
      description = "Leave out this endpoint (repeatable).")
  private List<String> excludeEndpoints = new ArrayList<>();

  @Option(names = "--title", paramLabel = "T", description = "A human title for the campaign.")
  private String title = "";

  @Option(names = "--uninstall",
      description = "Uninstall the release from the targets instead of installing it (no download).")
  private boolean uninstall;

  @Option(names = "--allow-downgrade", description = {
      "Allow replacing a newer installed version with this release.",
      "Only takes effect when the release itself was signed as a downgrade (convoy release build --downgrade)."})
  private boolean allowDowngrade;

  @Option(names = "--pilot", description = {
      "A pilot: at most the server's pilot target count (default 25), exempt from the readiness gate and approval.",
      "Without it the campaign is a production one: it starts once its Accountable approved it (convoy approve)."})
  private boolean pilot;

  @Option(names = "--preset", paramLabel = "NAME", description = {"Fill the options not given from a preset.",
      "weekend: push, pre-staged downloads, notice lead 72h, window Saturday 00:00 + 47h59m in each endpoint's zone."})
  private String preset;

  @Mixin
  private ScheduleOptions schedule;

  @Mixin
  private NoticeOptions notice;

  @Mixin
  private RolloutOptions rollout;

  @Mixin
  private ResilienceOptions resilience;

  @Mixin
  private OutputOption output;

  CampaignCreateCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    CreateCampaignRequest request = request(); // every option checked before a channel is opened
    Campaign campaign = context.admin().createCampaign(request);
    if (json) {
      context.out().println(Json.pretty(campaign));
    } else {
      context.out().print(CampaignView.render(campaign));
      context.err().println("Start it with: convoy campaign start " + campaign.getCampaignId());
    }
    return ExitCodes.OK;
  }

  /** The request from the options. @throws UsageException naming the first option that is wrong */
  CreateCampaignRequest request() {
    ReleaseRef release = release();
    if (preset != null && !PRESETS.contains(preset)) {
      throw new UsageException("--preset: '" + preset + "' (expected: one of " + String.join(", ", PRESETS) + ")");
    }
    CreateCampaignRequest.Builder request = request(release, targets(), title)
        .setAction(uninstall ? DeploymentAction.UNINSTALL : DeploymentAction.INSTALL)
        .setAllowDowngrade(allowDowngrade).setPreset(preset == null ? "" : preset).setPilot(pilot);
    schedule.applyTo(request);
    notice.applyTo(request, context::resolve);
    rollout.applyTo(request);
    resilience.applyTo(request);
    return request.build();
  }

  private ReleaseRef release() {
    if ((positionalRelease == null) == (optionRelease == null)) {
      throw new UsageException(positionalRelease == null ? "no release (expected: NAME@VERSION, e.g."
          + " convoy campaign create hello-convoy@1.0.0 --targets group:lab)"
          : "release given twice, as NAME@VERSION and --release (expected: one of them)");
    }
    return positionalRelease != null ? positionalRelease : optionRelease;
  }

  private Targets targets() {
    Targets parsed = parseTargets(targets);
    List<String> groups = names("--exclude-group", excludeGroups);
    List<String> endpoints = names("--exclude-endpoint", excludeEndpoints);
    if (parsed.getGroupsList().stream().anyMatch(groups::contains)) {
      throw new UsageException("--exclude-group: a group both targeted and excluded (expected: exclude groups"
          + " other than the targeted ones)");
    }
    return parsed.toBuilder().addAllExcludeGroups(groups).addAllExcludeEndpointIds(endpoints).build();
  }

  private static List<String> names(String option, List<String> values) {
    List<String> names = new ArrayList<>();
    for (String value : values) {
      String name = value.trim();
      if (name.isEmpty()) {
        throw new UsageException(option + ": an empty name (expected: a name, e.g. " + option + " kiosks)");
      }
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /** @throws UsageException naming {@code --targets} and the expected forms */
  static Targets parseTargets(List<String> values) {
    try {
      return TargetsParser.parse(values);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--targets: " + e.getMessage(), e);
    }
  }

  /** Creates an install campaign, a pilot if {@code pilot}; shared with the quick start. */
  public static Campaign create(CliContext context, ReleaseRef release, Targets targets, String title,
      boolean pilot) {
    return context.admin().createCampaign(request(release, targets, title).setAction(DeploymentAction.INSTALL)
        .setPilot(pilot).build());
  }

  private static CreateCampaignRequest.Builder request(ReleaseRef release, Targets targets, String title) {
    return CreateCampaignRequest.newBuilder()
        .setReleaseName(release.name()).setReleaseVersion(release.version())
        .setTargets(targets).setTitle(title == null ? "" : title);
  }
}
