package dev.convoy.server.governance;

import dev.convoy.server.campaign.Campaign;
import dev.convoy.server.storage.ChangeSet;
import java.util.List;

/**
 * What governance tells the people a RACI names (port). Each method is called with the change set of the change it
 * announces, before that change is committed, so that an outbox can enqueue its notifications in the same batch
 * (nothing announced that did not happen, nothing lost that did). Implementations must not commit the change set and
 * must be thread-safe. The default does nothing; the server connects it to the notification outbox in one place.
 */
public interface GovernanceEvents {
  /** Does nothing. */
  GovernanceEvents NONE = new GovernanceEvents() {};

  /** The Accountable ({@code raci.accountable()}) is asked to approve {@code campaign}, for {@code why}. */
  default void approvalRequested(ChangeSet changes, Campaign campaign, Raci raci, String why) {}

  /** The Accountable approved {@code campaign}. */
  default void approvalGiven(ChangeSet changes, Campaign campaign, Raci raci, Signature approval) {}

  /** {@code persons} (Consulted) are asked to acknowledge {@code campaign}. */
  default void ackRequested(ChangeSet changes, Campaign campaign, Raci raci, List<String> persons) {}

  /** A Consulted person acknowledged {@code campaign}. */
  default void ackGiven(ChangeSet changes, Campaign campaign, Raci raci, Signature ack) {}

  /** A change voided the approval (and acknowledgements) of {@code campaign}. */
  default void approvalVoided(ChangeSet changes, Campaign campaign, Raci raci, ApprovalVoid voided) {}
}
