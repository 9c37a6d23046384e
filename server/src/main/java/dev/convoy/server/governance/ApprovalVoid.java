package dev.convoy.server.governance;

import java.time.Instant;
import java.util.Objects;

/**
 * An approval (with its acknowledgements, waivers and notice override) that a change made void. Immutable.
 *
 * @param by certificate subject of who made the change
 * @param reason what changed, e.g. "targets changed (UpdateCampaign)"
 * @param wasApprovedBy the approver of the voided approval; "" when there was none (only acknowledgements)
 */
public record ApprovalVoid(Instant at, String by, String reason, String wasApprovedBy) {
  public ApprovalVoid {
    Objects.requireNonNull(at, "at");
    by = Objects.requireNonNullElse(by, "");
    Objects.requireNonNull(reason, "reason");
    wasApprovedBy = Objects.requireNonNullElse(wasApprovedBy, "");
  }
}
