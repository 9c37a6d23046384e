package dev.convoy.cli.campaign;

import dev.convoy.cli.CliContext;
import dev.convoy.protocol.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import picocli.CommandLine.Command;

/** The five {@link CampaignControlCommand}s: each its call and what to do next. */
final class CampaignControlCommands {
  private CampaignControlCommands() {}

  @Command(name = "pause", description = "Pauses a running campaign: no install starts until resume"
      + " (running installs finish).")
  static final class Pause extends CampaignControlCommand {
    Pause(CliContext context) {
      super(context, AdminServiceBlockingStub::pauseCampaign,
          c -> "Paused. Resume it with: convoy campaign resume " + c.getCampaignId());
    }
  }

  @Command(name = "resume", description = "Resumes a paused campaign.")
  static final class Resume extends CampaignControlCommand {
    Resume(CliContext context) {
      super(context, AdminServiceBlockingStub::resumeCampaign,
          c -> "Follow it with: convoy campaign status " + c.getCampaignId() + " --watch");
    }
  }

  @Command(name = "abort", description = {"Aborts a running or paused campaign for good: deployments that have"
      + " not started installing are dropped.", "Installs already running finish; nothing is rolled back"
      + " (see rollback)."})
  static final class Abort extends CampaignControlCommand {
    Abort(CliContext context) {
      super(context, AdminServiceBlockingStub::abortCampaign,
          c -> "Aborted. What happened: convoy campaign report " + c.getCampaignId());
    }
  }

  @Command(name = "cancel", description = "Cancels a campaign that is in draft, scheduled, running or paused;"
      + " deployments that have not started installing are dropped.")
  static final class Cancel extends CampaignControlCommand {
    Cancel(CliContext context) {
      super(context, AdminServiceBlockingStub::cancelCampaign,
          c -> "Cancelled. What happened: convoy campaign report " + c.getCampaignId());
    }
  }

  @Command(name = "advance", description = "Gives the go to widen a phased campaign to its next wave (a wave"
      + " shown AWAITING_GO waits for it).")
  static final class Advance extends CampaignControlCommand {
    Advance(CliContext context) {
      super(context, AdminServiceBlockingStub::advanceCampaign,
          c -> "Current wave: " + (c.getCurrentWave() + 1) + " of " + c.getWavesCount()
              + ". Follow it with: convoy campaign status " + c.getCampaignId() + " --watch");
    }
  }
}
