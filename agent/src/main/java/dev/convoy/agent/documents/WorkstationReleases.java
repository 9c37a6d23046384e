package dev.convoy.agent.documents;

import dev.convoy.agent.deployment.DeploymentAction;
import dev.convoy.agent.deployment.DeploymentJournal;
import dev.convoy.agent.deployment.JournalEntry;
import dev.convoy.agent.deployment.Release;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed releases on this workstation, from the deployment journal: the installed version of each package
 * (as inventory reports it) and the versions active deployments offer. Thread-safe (reads the journal each time).
 */
public final class WorkstationReleases {
  private final DeploymentJournal journal;

  public WorkstationReleases(DeploymentJournal journal) {
    this.journal = journal;
  }

  /** Installed first, then offered; by package name, newest version first. */
  public List<WorkstationRelease> all() {
    Map<String, WorkstationRelease> byRef = new LinkedHashMap<>();
    Map<String, String> installed = new LinkedHashMap<>();
    journal.managedPackages().forEach(p -> installed.put(p.name(), p.version()));
    for (JournalEntry entry : journal.all()) {
      Release r = entry.spec().release();
      if (!r.signed() || entry.spec().action() != DeploymentAction.INSTALL) {
        continue;
      }
      boolean isInstalled = r.version().equals(installed.get(r.name())) && entry.state().successful();
      boolean offered = !entry.state().terminal();
      if (isInstalled || offered) {
        WorkstationRelease release = new WorkstationRelease(r.name(), r.version(), r.sha256(), r.manifestSha256(),
            entry.spec().keys(), isInstalled);
        byRef.merge(release.ref(), release, (a, b) -> a.installed() ? a : b);
      }
    }
    List<WorkstationRelease> all = new ArrayList<>(byRef.values());
    all.sort(Comparator.comparing(WorkstationRelease::installed).reversed()
        .thenComparing(WorkstationRelease::name)
        .thenComparing((a, b) -> compareVersions(b.version(), a.version())));
    return all;
  }

  /**
   * The release {@code nameOrRef} names: {@code NAME@VERSION}, or {@code NAME} (the installed version, else the
   * newest offered one).
   */
  public Optional<WorkstationRelease> find(String nameOrRef) {
    int at = nameOrRef.indexOf('@');
    String name = at < 0 ? nameOrRef : nameOrRef.substring(0, at);
    return all().stream().filter(r -> r.name().equals(name))
        .filter(r -> at < 0 || r.version().equals(nameOrRef.substring(at + 1))).findFirst();
  }

  private static int compareVersions(String a, String b) {
    try {
      return dev.convoy.release.SemanticVersion.parse(a).compareTo(dev.convoy.release.SemanticVersion.parse(b));
    } catch (IllegalArgumentException e) {
      return a.compareTo(b);
    }
  }
}
