package dev.convoy.server.notify;

/**
 * The kinds of {@link Notification} the server emits. Campaign kinds come from the campaign engine
 * ({@link CampaignNotifier}); approval and acknowledgement kinds from the governance code, through
 * {@link Notifications#enqueue}. Webhooks may subscribe to a prefix ({@code campaign.}, {@code approval.}).
 */
public final class NotificationKinds {
  /** A campaign was created (DRAFT): a change has been raised. */
  public static final String CAMPAIGN_CREATED = "campaign.created";
  public static final String CAMPAIGN_SCHEDULED = "campaign.scheduled";
  public static final String CAMPAIGN_STARTED = "campaign.started";
  /** The campaign widened to a later wave (details: from_wave, to_wave, wave). */
  public static final String CAMPAIGN_WAVE_ADVANCED = "campaign.wave_advanced";
  /** A wave passed its soak time and waits for the Accountable's go: a request to the Accountable. */
  public static final String CAMPAIGN_WAVE_AWAITING_GO = "campaign.wave_awaiting_go";
  public static final String CAMPAIGN_PAUSED = "campaign.paused";
  public static final String CAMPAIGN_RESUMED = "campaign.resumed";
  public static final String CAMPAIGN_ABORTED = "campaign.aborted";
  public static final String CAMPAIGN_CANCELLED = "campaign.cancelled";
  public static final String CAMPAIGN_COMPLETED = "campaign.completed";
  /** The Accountable is asked to approve (emitted by governance). */
  public static final String APPROVAL_REQUESTED = "approval.requested";
  /** The Accountable approved (emitted by governance). */
  public static final String APPROVAL_GIVEN = "approval.given";
  /** A Consulted person is asked to acknowledge (emitted by governance). */
  public static final String ACK_REQUESTED = "ack.requested";
  /** A Consulted person acknowledged (issue 7). */
  public static final String ACK_GIVEN = "ack.given";
  /** A change to what was approved voided the approval and acknowledgements (issue 7). */
  public static final String APPROVAL_VOIDED = "approval.voided";

  private NotificationKinds() {}
}
