package dev.convoy.agent.deployment;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a report synchronously, for the answers the agent acts on: the INSTALLING report (the install permit) and
 * a DEFERRED report (the user's request). The outbox is drained first, so sequences reach the server in order.
 * The caller journals the state only after the server applied it.
 *
 * <p>Thread-safe: the deployment worker and the local socket's threads both use it, each under the deployment's
 * lock.
 */
final class SyncReporter {
  private static final Logger logger = LoggerFactory.getLogger(SyncReporter.class);

  private final ServerApi server;
  private final ReportOutbox outbox;
  private final Duration drainTimeout;

  SyncReporter(ServerApi server, ReportOutbox outbox, Duration drainTimeout) {
    this.server = server;
    this.outbox = outbox;
    this.drainTimeout = drainTimeout;
  }

  /**
   * Sends {@code report} once the outbox is empty.
   *
   * @return the server's answer
   * @throws RetryLater the server is unreachable (the outbox did not drain, or UNAVAILABLE / DEADLINE_EXCEEDED)
   * @throws ServerException the server said no (FAILED_PRECONDITION: not now, with the reason)
   */
  StatusAck send(StatusReport report) throws RetryLater {
    try {
      if (!outbox.drain(drainTimeout)) {
        throw new RetryLater("earlier reports of the agent are not delivered yet (server unreachable)", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryLater("the agent is stopping", e);
    }
    try {
      StatusAck ack = server.report(report);
      logger.info("report answered deployment={} attempt={} sequence={} state={} applied={} current_state={}",
          report.deploymentId(), report.attempt(), report.sequence(), report.state(), ack.applied(),
          ack.currentState());
      return ack;
    } catch (ServerException e) {
      if (e.retryable() || Thread.currentThread().isInterrupted()) {
        throw new RetryLater(report.state() + " report not delivered: " + e.code() + " " + e.getMessage(), e);
      }
      throw e;
    }
  }
}
