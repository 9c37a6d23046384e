package dev.convoy.agent.deployment;

import java.util.Objects;

/**
 * How the campaign behind a deployment wants it delivered: the axes, the notice, the install gate and the
 * deferral room, as the server sent them with the desired state. They change while a deployment waits (a paused
 * campaign, a technician arriving, the notice receipt stored), so the reconciler refreshes them on every desired
 * state; the journal keeps the latest for a restart without the server.
 *
 * @param title the campaign's title for people, may be empty
 */
public record CampaignTerms(String title, Delivery delivery, Execution execution, Notice notice, InstallGate gate,
    Deferral deferral) {
  /** A deployment from a server that sends no campaign terms: PUSH, automatic, no notice text, gate open. */
  public static final CampaignTerms LEGACY = new CampaignTerms("", Delivery.PUSH, Execution.AUTOMATIC, Notice.NONE,
      InstallGate.OPEN, Deferral.NONE);

  public CampaignTerms {
    title = title == null ? "" : title;
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(execution, "execution");
    Objects.requireNonNull(notice, "notice");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(deferral, "deferral");
  }
}
