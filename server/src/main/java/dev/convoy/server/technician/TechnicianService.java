package dev.convoy.server.technician;

import dev.convoy.server.audit.AuditEvent;
import dev.convoy.server.audit.AuditLog;
import dev.convoy.server.campaign.Deployment;
import dev.convoy.server.campaign.DeploymentService;
import dev.convoy.server.common.RandomIds;
import dev.convoy.server.common.StripedLocks;
import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.ChangeSet;
import dev.convoy.server.storage.Storage;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claiming and releasing technician jobs, and the presence code that goes with a claim (docs/technician.md). A
 * claim issues a fresh one-time code: its hash is stored with the claim, the code itself goes to the endpoint's agent
 * through the desired state (held in memory only while it can still be entered) and never to the technician.
 * {@link TechnicianWork} does the rest of the flow. Every change is audited in its own durable batch.
 *
 * <p>Thread-safe: one job's changes are serialised by a lock per job.
 */
public final class TechnicianService {
  private static final Logger logger = LoggerFactory.getLogger(TechnicianService.class);

  /** A code as the agent is to show it, while it may still be entered. */
  public record Visit(String technician, String code, String codeId, Instant expiresAt, Instant claimedAt) {}

  private final TechnicianJobs jobs;
  private final TechnicianJobStore store;
  private final DeploymentService deployments;
  private final AuditLog audit;
  private final LiveOutput output;
  private final TechnicianConfig config;
  private final Clock clock;
  private final PresenceCodes codes = new PresenceCodes();
  private final Map<String, String> clearCodes = new ConcurrentHashMap<>();
  final StripedLocks locks = new StripedLocks(64);

  public TechnicianService(TechnicianJobs jobs, TechnicianJobStore store, DeploymentService deployments,
      AuditLog audit, LiveOutput output, TechnicianConfig config, Clock clock) {
    this.jobs = jobs;
    this.store = store;
    this.deployments = deployments;
    this.audit = audit;
    this.output = output;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Reserves the job for {@code caller} and issues a fresh presence code, shown at the endpoint.
   *
   * @throws ConvoyException NOT_FOUND / PERMISSION_DENIED as {@link TechnicianJobs#require}; FAILED_PRECONDITION if
   *     the job is over, already started by the caller, or claimed by another technician without {@code takeOver}
   */
  public JobView claim(Technician caller, String jobId, boolean takeOver) {
    return locked(jobId, () -> {
      JobView view = jobs.require(caller, jobId);
      TechnicianJob job = view.job();
      Deployment d = view.deployment();
      if (job.signOff() != null || d.state().isTerminal() || view.campaign().state().isTerminal()) {
        throw ConvoyException.failedPrecondition("job " + jobId + " is over (deployment " + d.state() + ", campaign "
            + view.campaign().state() + (job.signOff() == null ? "" : ", signed off by " + job.signOff().by()) + ")");
      }
      if (d.state() == dev.convoy.server.campaign.DeploymentState.QUEUED) {
        throw ConvoyException.failedPrecondition("job " + jobId + " is QUEUED: its wave of campaign "
            + d.campaignId() + " has not opened yet (expected: a job the endpoint was offered)");
      }
      String holder = job.claim() == null ? "" : job.claim().technician();
      boolean other = !holder.isEmpty() && !holder.equals(caller.name());
      if (other && !takeOver) {
        throw ConvoyException.failedPrecondition("job " + jobId + " is claimed by " + holder + " since "
            + job.claim().claimedAt() + " (expected: an unclaimed job, or --take-over to take it; that is audited)");
      }
      if (!other && job.present()) {
        throw ConvoyException.failedPrecondition("job " + jobId + " was started by you at " + job.presentAt()
            + ": presence is proven, there is no new code to claim (next: convoy tech step " + jobId + ")");
      }
      Instant now = clock.instant();
      String code = codes.generate();
      String codeId = RandomIds.next("code-");
      TechnicianJob.Claim claim = new TechnicianJob.Claim(caller.name(), now, codeId,
          PresenceCodes.hash(code, codeId, jobId, caller.name()), now.plus(config.codeTtl()), config.codeAttempts());
      TechnicianJob next = other ? job.takenOver(claim, now) : job.withClaim(claim, now);
      Map<String, String> details = details("endpoint", d.endpointId(), "release", release(d),
          "code_expires_at", claim.codeExpiresAt().toString());
      if (other) {
        details.put("taken_over_from", holder);
      }
      deployments.agentMustSee(jobId, changes -> stage(changes, next, caller, other ? "technician.take-over"
          : "technician.claim", details));
      clearCodes.put(codeId, code);
      output.open(jobId);
      logger.info("technician job claimed job={} endpoint={} technician={} takeOver={} codeExpiresAt={}", jobId,
          d.endpointId(), caller.name(), other, claim.codeExpiresAt());
      return jobs.refresh(next, (other ? "taken over from " + holder + "; " : "claimed; ")
          + "a one-time code is shown at " + where(view) + " (convoy-agent technician-code); it expires at "
          + claim.codeExpiresAt() + ". Next: convoy tech start " + jobId + " --code CODE");
    });
  }

  /**
   * Gives the job up: the claim and its code end; presence proven and steps walked stay recorded.
   *
   * @throws ConvoyException FAILED_PRECONDITION if the caller does not hold the claim or it is signed off
   */
  public JobView release(Technician caller, String jobId) {
    return locked(jobId, () -> {
      JobView view = jobs.require(caller, jobId);
      TechnicianJob job = view.job();
      requireHolder(caller, job, jobId);
      if (job.signOff() != null) {
        throw ConvoyException.failedPrecondition("job " + jobId + " is signed off (by " + job.signOff().by()
            + "): nothing to release");
      }
      TechnicianJob next = new TechnicianJob(jobId, null, "", null, job.steps(), job.installStep(),
          job.installAllowedAt(), null, job.previousVersion(), job.rollbackCampaignId(), clock.instant());
      clearCodes.remove(job.claim().codeId());
      deployments.agentMustSee(jobId, changes -> stage(changes, next, caller, "technician.release",
          details("endpoint", view.deployment().endpointId())));
      return jobs.refresh(next, "released; the job is back in the queue");
    });
  }

  /**
   * What the agent at the job's endpoint is to show: the claim's technician and code while it can still be entered
   * and presence is not proven. The code is empty when this server no longer holds it in clear (after a restart the
   * agent keeps showing the one it received).
   */
  public Optional<Visit> visit(String jobId) {
    Optional<TechnicianJob> job = store.find(jobId);
    if (job.isEmpty() || job.get().claim() == null || job.get().present() || job.get().signOff() != null) {
      return Optional.empty();
    }
    TechnicianJob.Claim claim = job.get().claim();
    if (!clock.instant().isBefore(claim.codeExpiresAt()) || claim.attemptsLeft() <= 0) {
      clearCodes.remove(claim.codeId());
      return Optional.empty();
    }
    return Optional.of(new Visit(claim.technician(), clearCodes.getOrDefault(claim.codeId(), ""), claim.codeId(),
        claim.codeExpiresAt(), claim.claimedAt()));
  }

  /** Forgets the clear code of a claim (entered, expired or burned). */
  void forgetCode(String codeId) {
    clearCodes.remove(codeId);
  }

  /**
   * Keeps install output an agent sent, if the job is claimed; {@code false} when nobody keeps it.
   *
   * @throws ConvoyException PERMISSION_DENIED if the deployment is not the endpoint's
   */
  public boolean output(String endpointId, String jobId, int attempt, long firstSequence,
      java.util.List<String> lines) {
    deployments.requireOwned(endpointId, jobId);
    if (!output.isOpen(jobId)) {
      Optional<TechnicianJob> job = store.find(jobId);
      if (job.isEmpty() || job.get().claim() == null || job.get().signOff() != null) {
        return false;
      }
      output.open(jobId); // a restarted server: the claim is durable, the ring is not
    }
    return output.append(jobId, attempt, firstSequence, lines);
  }

  /**
   * Stages {@code job} and its audit entry. The entry's target is the job; its {@code campaign_id} detail puts it in
   * the campaign's audit trail too ({@code convoy audit list --campaign}), where an auditor looks for who signed off.
   */
  void stage(ChangeSet changes, TechnicianJob job, Technician caller, String action, Map<String, String> details) {
    store.put(changes, job);
    Map<String, String> withCampaign = new LinkedHashMap<>();
    withCampaign.put("campaign_id", jobs.campaignId(job.deploymentId()));
    withCampaign.putAll(details);
    audit.append(changes, new AuditEvent(caller.subject(), action, job.deploymentId(), withCampaign));
  }

  /** Commits {@code job} and its audit entry (changes the agent does not need to see). */
  void commit(TechnicianJob job, Technician caller, String action, Map<String, String> details, Storage storage) {
    ChangeSet changes = storage.begin();
    stage(changes, job, caller, action, details);
    storage.commit(changes);
  }

  static void requireHolder(Technician caller, TechnicianJob job, String jobId) {
    if (job.claim() == null) {
      throw ConvoyException.failedPrecondition("job " + jobId + " is not claimed (expected: convoy tech claim "
          + jobId + " first)");
    }
    if (!job.claim().technician().equals(caller.name())) {
      throw ConvoyException.permissionDenied("job " + jobId + " is claimed by " + job.claim().technician()
          + ", not by " + caller.name() + " (expected: your own claim; --take-over on claim takes it)");
    }
  }

  <T> T locked(String jobId, java.util.function.Supplier<T> body) {
    Lock lock = locks.forKey(jobId);
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }

  static String release(Deployment d) {
    return d.releaseName() + "@" + d.releaseVersion();
  }

  static String where(JobView view) {
    return view.hostname().isEmpty() ? view.deployment().endpointId()
        : view.hostname() + " (" + view.deployment().endpointId() + ")";
  }

  static Map<String, String> details(String... pairs) {
    Map<String, String> details = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null && !pairs[i + 1].isEmpty()) {
        details.put(pairs[i], pairs[i + 1]);
      }
    }
    return details;
  }
}
