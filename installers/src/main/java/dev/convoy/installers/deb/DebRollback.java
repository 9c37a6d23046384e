package dev.convoy.installers.deb;

import dev.convoy.installers.StepResult;
import dev.convoy.installers.script.ProcessOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Undoes a deb install from what the pending marker recorded: reinstalls the previous version from its kept .deb,
 * or removes the package when there was none. A previous version without a kept .deb cannot be restored: the
 * package is removed (dpkg is left consistent, not half-configured) and the rollback reports failure. Confined to
 * one rollback step.
 */
final class DebRollback {
  private final DebLayout layout;
  private final Dpkg dpkg;
  private final DebParameters parameters;

  DebRollback(DebLayout layout, Dpkg dpkg, DebParameters parameters) {
    this.layout = layout;
    this.dpkg = dpkg;
    this.parameters = parameters;
  }

  StepResult run() throws IOException {
    Optional<DebLayout.Pending> pending = layout.pending();
    if (pending.isEmpty()) {
      dropTargetUnlessInstalled();
      return StepResult.success("nothing to roll back: dpkg -i did not run");
    }
    Optional<String> previous = pending.get().previousVersion();
    StepResult result;
    if (previous.isPresent() && Files.isRegularFile(layout.kept(previous.get()))) {
      result = reinstall(previous.get());
    } else {
      result = remove(previous);
    }
    if (result.ok() || previous.isEmpty() || !Files.isRegularFile(layout.kept(previous.get()))) {
      layout.clearPending(); // dpkg's state is settled either way; a failed reinstall keeps it for the next run
      if (!pending.get().target().equals(previous.orElse(""))) {
        Files.deleteIfExists(layout.kept(pending.get().target()));
      }
    }
    return result;
  }

  private StepResult reinstall(String previous) {
    Path kept = layout.kept(previous);
    ProcessOutcome outcome = dpkg.install(kept);
    DpkgStatus status = dpkg.query(parameters.packageName());
    if (!outcome.exitedWith(0) || !status.installedAt(previous)) {
      return StepResult.failure(outcome.exitedWith(0) ? -1 : outcome.exitCode(), "reinstalling "
          + parameters.packageName() + " " + previous + " from deb/" + kept.getFileName() + ": "
          + Dpkg.describe(outcome) + "; dpkg-query: " + status.describe());
    }
    return StepResult.success("reinstalled " + parameters.packageName() + " " + previous + " from deb/"
        + kept.getFileName());
  }

  private StepResult remove(Optional<String> previous) {
    String name = parameters.packageName();
    DpkgStatus status = dpkg.query(name);
    if (status.known()) {
      ProcessOutcome outcome = dpkg.remove(name, false);
      if (!outcome.exitedWith(0)) {
        return StepResult.failure(outcome.exitCode(), "dpkg --remove " + name + ": " + Dpkg.describe(outcome));
      }
    }
    String removed = status.known() ? "removed " + name + " " + status.version() : name + " was not installed";
    if (previous.isPresent()) {
      return StepResult.failure("previous version " + previous.get() + " cannot be reinstalled: deb/"
          + layout.kept(previous.get()).getFileName() + " was not kept (installed outside Convoy?); " + removed);
    }
    return StepResult.success(removed + " (no previous version)");
  }

  private void dropTargetUnlessInstalled() throws IOException {
    DpkgStatus status = dpkg.query(parameters.packageName());
    if (!status.installedAt(parameters.debVersion())) {
      Files.deleteIfExists(layout.kept(parameters.debVersion()));
    }
  }
}
