package dev.convoy.server.campaign;

import dev.convoy.server.campaign.plan.CampaignPlan;
import dev.convoy.server.campaign.plan.Durations;
import dev.convoy.server.window.Interval;
import dev.convoy.server.window.Windows;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * When an install (or uninstall) may start on an endpoint — the server's side of the install permit
 * (DeploymentSpec.gate in agent.proto). The agent asks by reporting INSTALLING; {@link #refusal} says "not now"
 * with the reason, judged with the server's clock:
 * <ol>
 *   <li>the campaign is RUNNING (not PAUSED) and the deployment's wave is open;
 *   <li>the notice was delivered at the endpoint, and its lead time has passed since (a user who asked for a PULL
 *       release is not waiting for a warning);
 *   <li>the user's deferral, if any, is over;
 *   <li>TECHNICIAN: a technician has proved presence (the maintenance windows do not apply to a technician at the
 *       desk); PULL before its deadline: only when the user asked; otherwise, with windows, inside one, in the
 *       endpoint's zone.
 * </ol>
 * Stateless.
 */
public final class InstallGate {
  /** How many upcoming window occurrences the agent is told about. */
  static final int WINDOWS_SHOWN = 4;

  private InstallGate() {}

  /** The reason the install may not start now, or empty if it may. */
  public static Optional<String> refusal(Campaign campaign, Deployment d, boolean userInitiated, Instant now,
      ZoneId zone) {
    if (campaign.state() != CampaignState.RUNNING) {
      return Optional.of("campaign " + campaign.id() + " is " + campaign.state()
          + (campaign.stateReason().isEmpty() ? "" : " (" + campaign.stateReason() + ")"));
    }
    if (!campaign.wave(d.wave()).state().opened() || d.state() == DeploymentState.QUEUED) {
      return Optional.of("wave " + campaign.wave(d.wave()).name() + " is not open yet");
    }
    if (d.noticeDeliveredAt() == null) {
      return Optional.of("the notice has not been delivered at this endpoint yet (expected: NOTIFIED first)");
    }
    CampaignPlan plan = campaign.plan();
    boolean selfService = userInitiated && pullBeforeDeadline(campaign, now);
    Instant notBefore = d.noticeDeliveredAt().plus(plan.notice().leadTime());
    if (!selfService && now.isBefore(notBefore)) {
      return Optional.of("users were given " + Durations.words(plan.notice().leadTime()) + " notice: not before "
          + notBefore);
    }
    if (d.deferredUntil() != null && now.isBefore(d.deferredUntil())) {
      return Optional.of("the user deferred it until " + d.deferredUntil());
    }
    if (campaign.execution() == Execution.TECHNICIAN) {
      return d.technicianPresentAt() == null
          ? Optional.of("waiting for a technician at the endpoint") : Optional.empty();
    }
    if (selfService) {
      return Optional.empty();
    }
    if (campaign.delivery() == Delivery.PULL && pullBeforeDeadline(campaign, now)) {
      return Optional.of("a PULL release installs when the user asks for it"
          + (plan.deadline() == null ? "" : ", or after its deadline " + plan.deadline()));
    }
    Windows windows = plan.windows();
    if (!windows.anytime() && !windows.contains(now, zone)) {
      return Optional.of("outside the maintenance windows (next opens " + windows.nextStart(now, zone)
          .map(Instant::toString).orElse("never") + ", zone " + zone + ")");
    }
    return Optional.empty();
  }

  static boolean pullBeforeDeadline(Campaign campaign, Instant now) {
    return campaign.delivery() == Delivery.PULL
        && (campaign.plan().deadline() == null || now.isBefore(campaign.plan().deadline()));
  }

  /** What the agent is told about the gate (it decides nothing; it avoids asking when the answer is known). */
  public static View view(Campaign campaign, Deployment d, Instant now, ZoneId zone) {
    CampaignPlan plan = campaign.plan();
    Windows windows = plan.windows();
    List<Interval> upcoming = windows.anytime() ? List.of() : windows.upcoming(now, zone, WINDOWS_SHOWN);
    Instant notBefore = d.noticeDeliveredAt() == null ? null : d.noticeDeliveredAt().plus(plan.notice().leadTime());
    boolean pull = pullBeforeDeadline(campaign, now);
    return new View(campaign.state() != CampaignState.RUNNING, notBefore, windows.anytime(), upcoming,
        plan.prestage(), plan.deadline(), pull, campaign.execution() == Execution.TECHNICIAN,
        d.technicianPresentAt() != null);
  }

  /** The gate as the agent sees it (DeploymentSpec.gate). */
  public record View(boolean hold, Instant notBefore, boolean anytime, List<Interval> windows, boolean prestage,
      Instant deadline, boolean userRequestRequired, boolean technicianRequired, boolean technicianPresent) {
    public View {
      windows = List.copyOf(windows);
    }
  }
}
