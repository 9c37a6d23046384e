package dev.convoy.server.campaign;

/**
 * The campaign engine wired together: one per server. Its parts share one {@link CampaignContext} (stores, clock,
 * locks).
 */
public final class CampaignEngine {
  private final CampaignService campaigns;
  private final CampaignCommands commands;
  private final CampaignUpdates updates;
  private final CampaignViews views;
  private final DeploymentService deployments;
  private final CampaignScheduler scheduler;

  /** An engine that knows no inventory ({@link TargetInventory#NONE}). */
  public CampaignEngine(CampaignContext ctx) {
    this(ctx, TargetInventory.NONE);
  }

  /** @param inventory what the endpoints' inventories say, for the release requirements checked at creation */
  public CampaignEngine(CampaignContext ctx, TargetInventory inventory) {
    WaveController waves = new WaveController(ctx);
    this.campaigns = new CampaignService(ctx, waves, new ReleaseRequirements(ctx, inventory));
    this.commands = new CampaignCommands(ctx, waves, campaigns);
    this.updates = new CampaignUpdates(ctx, campaigns);
    this.views = new CampaignViews(ctx, campaigns);
    this.deployments = new DeploymentService(ctx, waves);
    this.scheduler = new CampaignScheduler(ctx, campaigns, deployments, waves);
  }

  public CampaignService campaigns() {
    return campaigns;
  }

  public CampaignCommands commands() {
    return commands;
  }

  /** Edits of campaigns not started yet (UpdateCampaign). */
  public CampaignUpdates updates() {
    return updates;
  }

  public CampaignViews views() {
    return views;
  }

  public DeploymentService deployments() {
    return deployments;
  }

  public CampaignScheduler scheduler() {
    return scheduler;
  }
}
