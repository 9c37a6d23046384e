package dev.convoy.cli.campaign;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.CommandFailedException;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.UsageException;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.GetCampaignStatusRequest;
import dev.convoy.protocol.v1.RollbackWaveRequest;
import dev.convoy.protocol.v1.WaveSpec;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy campaign rollback ID --wave N|NAME [--to-version V]}: undoes one wave with a new campaign, started at
 * once, that uninstalls the release (or installs V as an explicit downgrade) where that wave succeeded. Waves are
 * numbered from 1 as {@code campaign status} shows them; a name is looked up in the campaign first.
 */
@Command(name = "rollback", description = {"Undoes one wave with a new campaign (uninstall, or --to-version).",
    "The new campaign starts at once on the endpoints of that wave where the release succeeded; --to-version",
    "installs that version as an explicit downgrade instead of uninstalling."})
public final class CampaignRollbackCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The campaign id.")
  private String campaignId;

  @Option(names = "--wave", required = true, paramLabel = "N|NAME",
      description = "The wave: its number as campaign status shows it (from 1), or its name.")
  private String wave;

  @Option(names = "--to-version", paramLabel = "V",
      description = "Install this version instead of uninstalling (its release must be signed as a downgrade).")
  private String toVersion = "";

  @Mixin
  private OutputOption output;

  CampaignRollbackCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    if (toVersion.isBlank() && !toVersion.isEmpty()) {
      throw new UsageException("--to-version: empty (expected: a version, e.g. 7.6.3)");
    }
    int index = index();
    Campaign rollback = context.admin().rollbackWave(RollbackWaveRequest.newBuilder().setCampaignId(campaignId)
        .setWave(index).setToVersion(toVersion.strip()).build());
    if (json) {
      context.out().println(Json.pretty(rollback));
    } else {
      context.out().print(CampaignView.render(rollback));
      context.err().println("Rolling back wave " + (index + 1) + " of " + campaignId + ". Follow it with: convoy"
          + " campaign status " + rollback.getCampaignId() + " --watch");
    }
    return ExitCodes.OK;
  }

  /** The 0-based index the proto wants. @throws UsageException for a number below 1 */
  private int index() {
    if (wave.strip().matches("\\d{1,9}")) {
      int number = Integer.parseInt(wave.strip());
      if (number < 1) {
        throw new UsageException("--wave: " + number + " (expected: a wave number from 1, as campaign status"
            + " shows it, or a wave name)");
      }
      return number - 1;
    }
    if (!wave.strip().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new UsageException("--wave: '" + wave + "' (expected: a wave number from 1, or a wave name)");
    }
    List<WaveSpec> waves = context.admin().getCampaignStatus(GetCampaignStatusRequest.newBuilder()
        .setCampaignId(campaignId).build()).getCampaign().getWavesList();
    for (int i = 0; i < waves.size(); i++) {
      if (waves.get(i).getName().equals(wave.strip())) {
        return i;
      }
    }
    throw new CommandFailedException("campaign " + campaignId + " has no wave named '" + wave.strip()
        + "' (expected: one of " + waves.stream().map(WaveSpec::getName).toList() + ", or a number from 1)");
  }
}
