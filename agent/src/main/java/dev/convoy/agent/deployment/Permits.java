package dev.convoy.agent.deployment;

import static dev.convoy.agent.deployment.DeploymentState.AWAITING_TECHNICIAN;
import static dev.convoy.agent.deployment.DeploymentState.AWAITING_WINDOW;
import static dev.convoy.agent.deployment.DeploymentState.INSTALLING;
import static dev.convoy.agent.deployment.DeploymentState.VERIFYING;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the server for the install permit: the INSTALLING report, sent synchronously. The intent is journaled first
 * ({@link AttemptNotes#permitPending()}), INSTALLING only once granted, so every crash point resumes right:
 * <ul>
 *   <li>before the report left: it is sent again, the server decides as if for the first time;
 *   <li>granted but not journaled: sent again (even if the agent's gate has closed meanwhile), the server answers
 *       stale with current state INSTALLING, and the install proceeds;
 *   <li>refused (the server answered no): the intent is cleared and the deployment waits in AWAITING_WINDOW /
 *       AWAITING_TECHNICIAN;
 *   <li>no answer (unreachable, or the call broke because the server stopped mid-call): the intent stays and the
 *       pass is retried after a backoff, like any report the server did not get.
 * </ul>
 *
 * <p>Not thread-safe: used under the deployment's lock.
 */
final class Permits {
  private static final Logger logger = LoggerFactory.getLogger(Permits.class);
  /** When the server refuses a permit the agent's gate thought open (clocks differ): look again after this. */
  static final Duration REFUSED_RECHECK = Duration.ofMinutes(10);

  private final DeploymentJournal journal;
  private final SyncReporter reporter;
  private final Transitioner transitioner;
  private final Clock clock;

  Permits(DeploymentJournal journal, SyncReporter reporter, Transitioner transitioner, Clock clock) {
    this.journal = journal;
    this.reporter = reporter;
    this.transitioner = transitioner;
    this.clock = clock;
  }

  /**
   * Asks for the permit.
   *
   * @return the entry journaled as INSTALLING (acknowledged)
   * @throws Waiting refused: the entry now waits (reported once) in AWAITING_WINDOW or AWAITING_TECHNICIAN
   * @throws RetryLater the server is unreachable; the intent stays journaled
   */
  JournalEntry request(JournalEntry entry) throws Waiting, RetryLater {
    JournalEntry intent = entry.notes().permitPending() ? entry
        : journal.write(entry.withNotes(entry.notes().permit(true)));
    String detail = "installing " + entry.spec().release().coordinates()
        + (intent.notes().installRequested() ? " (asked by the user)" : "");
    JournalEntry installing = intent.advance(INSTALLING, detail, 0, clock.instant());
    try {
      StatusAck ack = reporter.send(installing.report(""));
      if (!granted(ack) && !ack.applied() && ack.currentSequence() >= installing.sequence()) {
        // The server holds a report of ours this journal does not (a crash right after a synchronous report): skip it.
        installing = intent.skipTo(ack.currentSequence() + 1).advance(INSTALLING, detail, 0, clock.instant());
        ack = reporter.send(installing.report(""));
      }
      if (granted(ack)) {
        JournalEntry permitted = journal.write(installing.reported(installing.sequence()));
        logger.info("install permit granted deployment={} attempt={} sequence={} applied={}",
            permitted.deploymentId(), permitted.attempt(), permitted.sequence(), ack.applied());
        transitioner.logged(permitted, detail);
        return permitted;
      }
      throw refused(intent, "the server answered " + ack.currentState() + " (sequence " + ack.currentSequence()
          + ")", null);
    } catch (ServerException e) {
      if (!answered(e.code())) {
        // the call broke (server killed or restarting mid-call): not a "no"; the intent stays and the pass retries
        throw new RetryLater("install permit not answered: " + e.code() + " " + e.getMessage(), e);
      }
      Duration recheck = e.code() == ServerException.Code.FAILED_PRECONDITION ? REFUSED_RECHECK : null;
      throw refused(intent, e.getMessage(), recheck);
    }
  }

  /** Whether the server decided (a refusal to act on), rather than the call breaking on the way. */
  private static boolean answered(ServerException.Code code) {
    return switch (code) {
      case FAILED_PRECONDITION, PERMISSION_DENIED, NOT_FOUND, INVALID_ARGUMENT, UNAUTHENTICATED -> true;
      default -> false;
    };
  }

  private static boolean granted(StatusAck ack) {
    return ack.applied() || ack.currentState() == INSTALLING || ack.currentState() == VERIFYING;
  }

  private Waiting refused(JournalEntry intent, String reason, Duration recheck) {
    logger.warn("install permit refused deployment={} attempt={} reason=\"{}\"", intent.deploymentId(),
        intent.attempt(), reason);
    JournalEntry cleared = journal.write(intent.withNotes(intent.notes().permit(false)));
    boolean technician = cleared.spec().terms().execution() == Execution.TECHNICIAN
        || cleared.spec().terms().gate().technicianRequired();
    DeploymentState waitIn = technician ? AWAITING_TECHNICIAN : AWAITING_WINDOW;
    if (cleared.state() != waitIn && Transitions.allowed(cleared.state(), waitIn)) {
      transitioner.transition(cleared, waitIn, "install permit refused: " + reason, 0);
    }
    return new Waiting(recheck == null ? null : clock.instant().plus(recheck), false,
        "install permit refused: " + reason);
  }
}
