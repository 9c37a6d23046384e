package dev.convoy.server.campaign;

import dev.convoy.server.common.StripedLocks;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The locks of the campaign engine, shared by its services so that no two of them act on the same stale read:
 * <ul>
 *   <li>one deployment's read-modify-write (a report, a timer, a technician's arrival) holds the shared side of
 *       {@link #bulk} and the deployment's stripe until its change is durable;
 *   <li>a change of many deployments at once (opening a wave, pausing, aborting, cancelling) holds the exclusive
 *       side of {@link #bulk};
 *   <li>a campaign's read-modify-write holds its campaign stripe, taken <em>before</em> {@link #bulk} when both
 *       are needed; nobody takes a campaign stripe while holding a deployment stripe.
 * </ul>
 * Thread-safe.
 */
final class Guards {
  final StripedLocks campaigns = new StripedLocks(64);
  final StripedLocks deployments = new StripedLocks(256);
  final ReentrantReadWriteLock bulk = new ReentrantReadWriteLock();

  Lock campaign(String campaignId) {
    return campaigns.forKey(campaignId);
  }

  Lock deployment(String deploymentId) {
    return deployments.forKey(deploymentId);
  }
}
