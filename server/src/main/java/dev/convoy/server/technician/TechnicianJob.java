package dev.convoy.server.technician;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the server records about a technician job beyond its deployment (the job id is the deployment id): the
 * claim and its presence code (hash only), who proved presence and when, the runbook steps walked, when the install
 * was let through, the sign-off, and a rollback started from it. Immutable; durable in its own store.
 *
 * @param claim the current claim, or null (never claimed, or released)
 * @param presentBy the technician who proved presence with the code, or "" (then {@code presentAt} is null)
 * @param steps the runbook's steps as walked (empty: no runbook, or not started yet)
 * @param installStep index of the step that lets the install run, or -1 (after the last step)
 * @param installAllowedAt when the walk let the install run, or null
 * @param signOff the technician's sign-off, or null
 * @param previousVersion the version installed at the endpoint when presence was proven ("" if none)
 * @param rollbackCampaignId the campaign a rollback of this job started, or ""
 */
public record TechnicianJob(String deploymentId, Claim claim, String presentBy, Instant presentAt,
    List<WalkedStep> steps, int installStep, Instant installAllowedAt, SignOff signOff, String previousVersion,
    String rollbackCampaignId, Instant updatedAt) {

  public TechnicianJob {
    Objects.requireNonNull(deploymentId, "deploymentId");
    presentBy = Objects.requireNonNullElse(presentBy, "");
    steps = List.copyOf(steps);
    previousVersion = Objects.requireNonNullElse(previousVersion, "");
    rollbackCampaignId = Objects.requireNonNullElse(rollbackCampaignId, "");
  }

  /** A job nobody claimed yet. */
  public static TechnicianJob unclaimed(String deploymentId, Instant at) {
    return new TechnicianJob(deploymentId, null, "", null, List.of(), -1, null, null, "", "", at);
  }

  /**
   * A claim and its one-time presence code.
   *
   * @param codeHash {@link PresenceCodes#hash} of the code; the code itself is never stored
   * @param attemptsLeft wrong entries still allowed; 0 = the code is burned
   */
  public record Claim(String technician, Instant claimedAt, String codeId, String codeHash, Instant codeExpiresAt,
      int attemptsLeft) {
    public Claim withAttemptsLeft(int left) {
      return new Claim(technician, claimedAt, codeId, codeHash, codeExpiresAt, left);
    }
  }

  public enum StepOutcome { PENDING, DONE, SKIPPED }

  /** A runbook step and what the technician did with it. */
  public record WalkedStep(String title, String body, StepOutcome outcome, String note, String by, Instant at) {
    public WalkedStep {
      note = Objects.requireNonNullElse(note, "");
      by = Objects.requireNonNullElse(by, "");
    }
  }

  public enum Verdict { SUCCESS, FAILED, ROLLED_BACK }

  /**
   * The technician's sign-off.
   *
   * @param agentState the final state the agent had reported when the technician signed off
   */
  public record SignOff(Verdict verdict, String by, Instant at, String note, String agentState, int exitCode) {}

  public boolean present() {
    return presentAt != null;
  }

  /** Index of the first step not walked yet, or -1 when every step was walked. */
  public int currentStep() {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).outcome() == StepOutcome.PENDING) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the walk has reached the point where the install may run. */
  public boolean walkReachedInstall() {
    int current = currentStep();
    return current < 0 || (installStep >= 0 && current >= installStep);
  }

  public TechnicianJob withClaim(Claim newClaim, Instant at) {
    return new TechnicianJob(deploymentId, newClaim, presentBy, presentAt, steps, installStep, installAllowedAt,
        signOff, previousVersion, rollbackCampaignId, at);
  }

  /** Presence proven by {@code technician}: the runbook's steps to walk, nothing walked yet. */
  public TechnicianJob started(String technician, Instant at, Runbook runbook, String previous) {
    List<WalkedStep> walked = runbook.steps().stream()
        .map(s -> new WalkedStep(s.title(), s.body(), StepOutcome.PENDING, "", "", null)).toList();
    return new TechnicianJob(deploymentId, claim, technician, at, walked, runbook.installStep(), installAllowedAt,
        signOff, previous, rollbackCampaignId, at);
  }

  /** A takeover: the new claim, presence to be proven again by the new technician; steps walked so far stay. */
  public TechnicianJob takenOver(Claim newClaim, Instant at) {
    return new TechnicianJob(deploymentId, newClaim, "", null, steps, installStep, installAllowedAt, signOff,
        previousVersion, rollbackCampaignId, at);
  }

  public TechnicianJob walked(int index, StepOutcome outcome, String note, String by, Instant at) {
    List<WalkedStep> next = new ArrayList<>(steps);
    WalkedStep step = steps.get(index);
    next.set(index, new WalkedStep(step.title(), step.body(), outcome, note, by, at));
    return new TechnicianJob(deploymentId, claim, presentBy, presentAt, next, installStep, installAllowedAt, signOff,
        previousVersion, rollbackCampaignId, at);
  }

  public TechnicianJob installAllowed(Instant at) {
    return new TechnicianJob(deploymentId, claim, presentBy, presentAt, steps, installStep, at, signOff,
        previousVersion, rollbackCampaignId, at);
  }

  public TechnicianJob signedOff(SignOff sign) {
    return new TechnicianJob(deploymentId, claim, presentBy, presentAt, steps, installStep, installAllowedAt, sign,
        previousVersion, rollbackCampaignId, sign.at());
  }

  public TechnicianJob rolledBackBy(String campaignId, Instant at) {
    return new TechnicianJob(deploymentId, claim, presentBy, presentAt, steps, installStep, installAllowedAt,
        signOff, previousVersion, campaignId, at);
  }
}
