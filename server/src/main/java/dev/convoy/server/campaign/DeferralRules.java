package dev.convoy.server.campaign;

import dev.convoy.server.campaign.plan.DeferralPolicy;
import dev.convoy.server.campaign.plan.Durations;
import dev.convoy.server.error.ConvoyException;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a user may postpone a deployment until a given time: the campaign allows deferral, the count and total
 * time stay within its policy, the deferral ends by the campaign's deadline, and nothing has started installing.
 * Refusals are FAILED_PRECONDITION with a message meant for the user. Stateless.
 */
public final class DeferralRules {
  private DeferralRules() {}

  /**
   * @return the time this deferral adds to the deployment's total
   * @throws ConvoyException INVALID_ARGUMENT for an end not after now; FAILED_PRECONDITION beyond the limits
   */
  public static Duration check(Campaign campaign, Deployment d, Instant until, Instant now) {
    DeferralPolicy policy = campaign.plan().deferral();
    if (!until.isAfter(now)) {
      throw ConvoyException.invalidArgument("deferred_until: " + until + " (expected: a time after now, " + now + ")");
    }
    if (!policy.allowed()) {
      throw ConvoyException.failedPrecondition("deferral: campaign \"" + campaign.title()
          + "\" does not allow postponing this change");
    }
    if (d.state().installStarted() || d.state().isTerminal()) {
      throw ConvoyException.failedPrecondition("deferral: " + campaign.releaseRef() + " is already " + d.state());
    }
    if (d.deferralCount() >= policy.maxCount()) {
      throw ConvoyException.failedPrecondition("deferral: all " + policy.maxCount() + " deferrals allowed by campaign \""
          + campaign.title() + "\" have been used");
    }
    Duration added = Duration.between(now, until);
    if (!policy.maxTotal().isZero() && d.deferredTotal().plus(added).compareTo(policy.maxTotal()) > 0) {
      Duration left = policy.maxTotal().minus(d.deferredTotal());
      throw ConvoyException.failedPrecondition("deferral: " + Durations.words(added) + " would exceed the "
          + Durations.words(policy.maxTotal()) + " allowed in total (" + Durations.words(left.isNegative()
              ? Duration.ZERO : left) + " left)");
    }
    Instant deadline = campaign.plan().deadline();
    if (deadline != null && until.isAfter(deadline)) {
      throw ConvoyException.failedPrecondition("deferral: until " + until + " is past the deadline " + deadline
          + " of campaign \"" + campaign.title() + "\"");
    }
    return added;
  }
}
