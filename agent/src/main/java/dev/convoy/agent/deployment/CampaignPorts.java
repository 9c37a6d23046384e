package dev.convoy.agent.deployment;

import dev.convoy.agent.inventory.Scheduler;
import java.time.Duration;
import java.util.Objects;

/**
 * What the reconciler needs for campaigns besides the journal, outbox and installers.
 *
 * @param server for the synchronous reports (install permit, deferral)
 * @param notices shows each new deployment's notice
 * @param scheduler wakes the reconciler at the next instant a waiting deployment's gate names
 * @param resyncDue asks the session for a fresh desired state (every window the server listed is over)
 * @param drainTimeout how long a synchronous report waits for the outbox to drain
 * @param hostFacts this endpoint's own facts, for releases' OS requirements, dependencies and conflicts
 * @param logTap sees the deployment log lines as they are written (live output of technician jobs)
 */
public record CampaignPorts(ServerApi server, NoticeDisplay notices, Scheduler scheduler, Runnable resyncDue,
    Duration drainTimeout, HostFacts hostFacts, LogTap logTap) {
  public CampaignPorts {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(notices, "notices");
    Objects.requireNonNull(scheduler, "scheduler");
    resyncDue = resyncDue == null ? () -> { } : resyncDue;
    drainTimeout = drainTimeout == null ? Duration.ofSeconds(30) : drainTimeout;
    hostFacts = hostFacts == null ? HostFacts.NONE : hostFacts;
    logTap = logTap == null ? LogTap.NONE : logTap;
  }

  /** Ports without a log tap. */
  public CampaignPorts(ServerApi server, NoticeDisplay notices, Scheduler scheduler, Runnable resyncDue,
      Duration drainTimeout, HostFacts hostFacts) {
    this(server, notices, scheduler, resyncDue, drainTimeout, hostFacts, LogTap.NONE);
  }

  /** Ports without host facts ({@link HostFacts#NONE}). */
  public CampaignPorts(ServerApi server, NoticeDisplay notices, Scheduler scheduler, Runnable resyncDue,
      Duration drainTimeout) {
    this(server, notices, scheduler, resyncDue, drainTimeout, HostFacts.NONE);
  }
}
