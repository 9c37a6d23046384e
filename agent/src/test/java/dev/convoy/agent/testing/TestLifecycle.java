package dev.convoy.agent.testing;

import dev.convoy.installers.Detection;
import dev.convoy.installers.InstallContext;
import dev.convoy.installers.Installer;
import dev.convoy.installers.LifecycleListener;
import dev.convoy.installers.LifecycleResult;
import dev.convoy.installers.LifecycleState;
import dev.convoy.installers.StepResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal lifecycle driver for agent tests, following the table in {@code dev.convoy.installers.Lifecycle}:
 * detect → stage → install → verify → commit | rollback → cleanup. The installers module owns the real one.
 */
public final class TestLifecycle {
  private TestLifecycle() {}

  public static LifecycleResult install(Installer installer, InstallContext context, LifecycleListener listener) {
    Run run = new Run(listener);
    try {
      run.enter(LifecycleState.DETECTING);
      if (installer.detect(context).status() == Detection.Status.INSTALLED_SAME) {
        return run.end(LifecycleState.ALREADY_INSTALLED, 0, "already installed");
      }
      run.enter(LifecycleState.STAGING);
      StepResult staged = installer.stage(context);
      if (!staged.ok()) {
        return run.end(LifecycleState.FAILED, staged);
      }
      run.enter(LifecycleState.INSTALLING);
      StepResult step = installer.install(context);
      if (step.ok()) {
        run.enter(LifecycleState.VERIFYING);
        step = installer.verify(context);
      }
      if (step.ok()) {
        run.enter(LifecycleState.COMMITTING);
        step = installer.commit(context);
      }
      if (step.ok()) {
        return run.end(LifecycleState.SUCCEEDED, 0, "installed");
      }
      run.enter(LifecycleState.ROLLING_BACK);
      StepResult rolledBack = installer.rollback(context);
      return run.end(rolledBack.ok() ? LifecycleState.ROLLED_BACK : LifecycleState.FAILED, step);
    } finally {
      installer.cleanup(context);
    }
  }

  public static LifecycleResult uninstall(Installer installer, InstallContext context, LifecycleListener listener) {
    Run run = new Run(listener);
    run.enter(LifecycleState.UNINSTALLING);
    StepResult result = installer.uninstall(context);
    return result.ok() ? run.end(LifecycleState.UNINSTALLED, 0, result.message())
        : run.end(LifecycleState.FAILED, result);
  }

  private static final class Run {
    private final LifecycleListener listener;
    private final List<LifecycleState> chain = new ArrayList<>();

    Run(LifecycleListener listener) {
      this.listener = listener;
    }

    void enter(LifecycleState state) {
      chain.add(state);
      listener.entered(state);
    }

    LifecycleResult end(LifecycleState state, int exitCode, String message) {
      enter(state);
      return new LifecycleResult(state, chain, exitCode, message);
    }

    /** Ends on a failed step, carrying its exit code, message and whether it is retryable. */
    LifecycleResult end(LifecycleState state, StepResult failed) {
      enter(state);
      return new LifecycleResult(state, chain, failed.exitCode(), failed.message(), failed.retryable());
    }
  }
}
