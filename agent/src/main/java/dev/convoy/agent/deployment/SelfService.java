package dev.convoy.agent.deployment;

import static dev.convoy.agent.deployment.DeploymentState.DEFERRED;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's side of the deployments, behind {@code convoy-agent catalog | install | defer}: the PULL catalogue,
 * install requests and deferrals. A deferral is a DEFERRED report sent synchronously (the server enforces the
 * campaign's limits and answers FAILED_PRECONDITION with the reason); it is journaled only once applied. Changes are
 * made under the deployment's lock, then the reconciler is poked to walk again.
 *
 * <p>Thread-safe.
 */
public final class SelfService {
  private static final Logger logger = LoggerFactory.getLogger(SelfService.class);
  private static final Duration BUSY_WAIT = Duration.ofSeconds(5);

  private final DeploymentJournal journal;
  private final DeploymentLocks locks;
  private final SyncReporter reporter;
  private final Transitioner transitioner;
  private final Clock clock;
  private final Runnable poke;

  SelfService(DeploymentJournal journal, DeploymentLocks locks, SyncReporter reporter, Transitioner transitioner,
      Clock clock, Runnable poke) {
    this.journal = journal;
    this.locks = locks;
    this.reporter = reporter;
    this.transitioner = transitioner;
    this.clock = clock;
    this.poke = poke;
  }

  /**
   * One PULL deployment offered on this endpoint.
   *
   * @param deadline from then on it installs like a PUSH; null: none
   * @param requested the user already asked for it
   */
  public record CatalogItem(String deploymentId, String name, String version, String campaignId,
      String campaignTitle, Instant deadline, DeploymentState state, boolean requested) {}

  /** The PULL deployments not finished here, ordered by package name. */
  public List<CatalogItem> catalog() {
    return pullEntries().stream()
        .map(e -> new CatalogItem(e.deploymentId(), e.spec().release().name(), e.spec().release().version(),
            e.spec().campaignId(), e.spec().terms().title(), e.spec().terms().gate().deadline(), e.state(),
            e.notes().installRequested()))
        .sorted(java.util.Comparator.comparing(CatalogItem::name).thenComparing(CatalogItem::deploymentId))
        .toList();
  }

  /**
   * The user asks to install the PULL package {@code name}: journaled, then the reconciler proceeds (its INSTALLING
   * report carries user_initiated).
   *
   * @return what happened, for the user
   * @throws SelfServiceException NOT_FOUND when no PULL deployment here installs {@code name}
   */
  public String requestInstall(String name) {
    Objects.requireNonNull(name, "name");
    List<JournalEntry> matches = pullEntries().stream().filter(e -> e.spec().release().name().equals(name)).toList();
    if (matches.isEmpty()) {
      List<String> names = catalog().stream().map(CatalogItem::name).distinct().toList();
      throw new SelfServiceException(SelfServiceException.Kind.NOT_FOUND, "name: '" + name + "' (expected "
          + (names.isEmpty() ? "a package of the catalogue, which is empty" : "one of the catalogue: "
          + String.join(", ", names)) + ")");
    }
    JournalEntry match = matches.get(0);
    String message = locks.tryWith(match.deploymentId(), BUSY_WAIT, () -> {
      JournalEntry entry = journal.find(match.deploymentId()).orElseThrow();
      if (entry.notes().installRequested()) {
        return "install of " + entry.spec().release().coordinates() + " was already requested (state "
            + entry.state() + ")";
      }
      journal.write(entry.withNotes(entry.notes().requested()));
      transitioner.log(entry.deploymentId()).line("install requested by the user");
      logger.info("install requested by the user deployment={} release={}", entry.deploymentId(),
          entry.spec().release().coordinates());
      return "install of " + entry.spec().release().coordinates() + " requested (campaign " + campaign(entry) + ")";
    });
    poke.run();
    return message;
  }

  /**
   * The user postpones campaign {@code campaignId} by {@code duration}: a DEFERRED report, sent synchronously.
   *
   * @return until when it is deferred
   * @throws SelfServiceException NOT_FOUND (no such campaign here), NOT_NOW (not in a deferrable state, or busy),
   *     REFUSED (the server's reason), UNAVAILABLE (server unreachable)
   */
  public Instant defer(String campaignId, Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("for: " + duration + " (expected: > 0)");
    }
    JournalEntry match = journal.all().stream()
        .filter(e -> !e.state().terminal() && e.spec().campaignId().equals(campaignId)).findFirst()
        .orElseThrow(() -> new SelfServiceException(SelfServiceException.Kind.NOT_FOUND, "campaign: '" + campaignId
            + "' (expected: a campaign with a deployment waiting on this endpoint" + waiting() + ")"));
    Instant until;
    try {
      until = locks.tryWith(match.deploymentId(), BUSY_WAIT, () -> deferLocked(match.deploymentId(), duration));
    } catch (IllegalStateException e) {
      throw new SelfServiceException(SelfServiceException.Kind.NOT_NOW, e.getMessage());
    }
    poke.run();
    return until;
  }

  private Instant deferLocked(String deploymentId, Duration duration) {
    JournalEntry entry = journal.find(deploymentId).orElseThrow();
    if (!Transitions.deferrable(entry.state())) {
      throw new SelfServiceException(SelfServiceException.Kind.NOT_NOW, "campaign " + campaign(entry) + " is "
          + entry.state() + " here (expected: NOTIFIED, DOWNLOADED, AWAITING_WINDOW or DEFERRED to defer it)");
    }
    Instant now = clock.instant();
    Instant until = now.plus(duration);
    String detail = "deferred by the user until " + until;
    JournalEntry deferred = entry.withNotes(entry.notes().deferred(until)).advance(DEFERRED, detail, 0, now);
    StatusAck ack;
    try {
      ack = reporter.send(deferred.report(""));
    } catch (RetryLater e) {
      throw new SelfServiceException(SelfServiceException.Kind.UNAVAILABLE, "the server cannot be reached now ("
          + e.getMessage() + "); try again later");
    } catch (ServerException e) {
      logger.info("deferral refused deployment={} reason=\"{}\"", deploymentId, e.getMessage());
      throw new SelfServiceException(SelfServiceException.Kind.REFUSED, serverReason(e));
    }
    if (!ack.applied() && ack.currentState() != DEFERRED) {
      throw new SelfServiceException(SelfServiceException.Kind.REFUSED, "the server did not apply the deferral "
          + "(its state of the deployment: " + ack.currentState() + ")");
    }
    JournalEntry written = journal.write(deferred.reported(deferred.sequence()));
    transitioner.logged(written, detail);
    return until;
  }

  private List<JournalEntry> pullEntries() {
    return journal.all().stream()
        .filter(e -> !e.state().terminal() && e.spec().terms().delivery() == Delivery.PULL).toList();
  }

  private String waiting() {
    List<String> campaigns = journal.all().stream().filter(e -> !e.state().terminal())
        .map(e -> e.spec().campaignId()).distinct().sorted().toList();
    return campaigns.isEmpty() ? "; there is none" : ": " + String.join(", ", campaigns);
  }

  private static String campaign(JournalEntry entry) {
    String title = entry.spec().terms().title();
    return title.isEmpty() ? entry.spec().campaignId() : entry.spec().campaignId() + " \"" + title + "\"";
  }

  /** The server's own words: the gRPC edge prefixes its message with the call's name. */
  private static String serverReason(ServerException e) {
    String message = String.valueOf(e.getMessage());
    return message.startsWith("ReportStatus: ") ? message.substring("ReportStatus: ".length()) : message;
  }
}
