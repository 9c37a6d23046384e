package dev.convoy.server.governance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The governance state of one campaign: pilot or production, its RACI, and the signatures a production start needs
 * (approval, acknowledgements, Consulted waivers, notice override), each bound to a content hash, plus the history
 * of voided approvals. Immutable; changes return a new value.
 *
 * @param raci null when none is set
 * @param approval null when not approved
 * @param noticeOverride null when none
 * @param heldReason the last reason its scheduled start was held for ("" if never), so a hold is announced once
 */
public record CampaignGovernance(String campaignId, boolean pilot, Raci raci, Signature approval,
    List<Signature> acknowledgements, List<Signature> consultedWaivers, Signature noticeOverride,
    List<ApprovalVoid> voids, String heldReason) {

  public CampaignGovernance {
    Objects.requireNonNull(campaignId, "campaignId");
    acknowledgements = List.copyOf(acknowledgements);
    consultedWaivers = List.copyOf(consultedWaivers);
    voids = List.copyOf(voids);
    heldReason = Objects.requireNonNullElse(heldReason, "");
  }

  /** A new campaign's state: nothing signed yet. */
  public static CampaignGovernance created(String campaignId, boolean pilot, Raci raci) {
    return new CampaignGovernance(campaignId, pilot, raci, null, List.of(), List.of(), null, List.of(), "");
  }

  public Optional<Raci> raciIfSet() {
    return Optional.ofNullable(raci);
  }

  public CampaignGovernance withRaci(Raci newRaci) {
    return new CampaignGovernance(campaignId, pilot, newRaci, approval, acknowledgements, consultedWaivers,
        noticeOverride, voids, heldReason);
  }

  public CampaignGovernance approved(Signature signature, List<Signature> waivers) {
    List<Signature> all = new ArrayList<>(consultedWaivers);
    for (Signature waiver : waivers) {
      all.removeIf(w -> w.subject().equals(waiver.subject()));
      all.add(waiver);
    }
    return new CampaignGovernance(campaignId, pilot, raci, signature, acknowledgements, all, noticeOverride, voids,
        heldReason);
  }

  public CampaignGovernance acknowledged(Signature ack) {
    List<Signature> all = new ArrayList<>(acknowledgements);
    all.removeIf(a -> a.person().equals(ack.person()));
    all.add(ack);
    return new CampaignGovernance(campaignId, pilot, raci, approval, all, consultedWaivers, noticeOverride, voids,
        heldReason);
  }

  public CampaignGovernance noticeOverridden(Signature override) {
    return new CampaignGovernance(campaignId, pilot, raci, approval, acknowledgements, consultedWaivers, override,
        voids, heldReason);
  }

  public CampaignGovernance held(String reason) {
    return new CampaignGovernance(campaignId, pilot, raci, approval, acknowledgements, consultedWaivers,
        noticeOverride, voids, reason);
  }

  /** Whether anything signed would be lost by {@link #voided}. */
  public boolean hasSignatures() {
    return approval != null || !acknowledgements.isEmpty() || !consultedWaivers.isEmpty() || noticeOverride != null;
  }

  /** Every signature dropped, and the void recorded (when there was something to void). */
  public CampaignGovernance voided(Instant at, String by, String reason) {
    if (!hasSignatures()) {
      return this;
    }
    List<ApprovalVoid> all = new ArrayList<>(voids);
    all.add(new ApprovalVoid(at, by, reason, approval == null ? "" : approval.person()));
    return new CampaignGovernance(campaignId, pilot, raci, null, List.of(), List.of(), null, all, heldReason);
  }

  /** The acknowledgement of {@code person} for content {@code hash}, if given. */
  public boolean acknowledgedBy(String person, String hash) {
    return acknowledgements.stream().anyMatch(a -> a.person().equals(person) && a.covers(hash));
  }

  /** Whether the Accountable waived the acknowledgement of {@code person} for content {@code hash}. */
  public boolean waived(String person, String hash) {
    return consultedWaivers.stream().anyMatch(w -> w.subject().equals(person) && w.covers(hash));
  }

  public Optional<ApprovalVoid> lastVoid() {
    return voids.isEmpty() ? Optional.empty() : Optional.of(voids.get(voids.size() - 1));
  }
}
