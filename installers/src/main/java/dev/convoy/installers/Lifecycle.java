package dev.convoy.installers;

import static dev.convoy.installers.LifecycleState.ALREADY_INSTALLED;
import static dev.convoy.installers.LifecycleState.COMMITTING;
import static dev.convoy.installers.LifecycleState.DETECTING;
import static dev.convoy.installers.LifecycleState.FAILED;
import static dev.convoy.installers.LifecycleState.INSTALLING;
import static dev.convoy.installers.LifecycleState.ROLLED_BACK;
import static dev.convoy.installers.LifecycleState.ROLLING_BACK;
import static dev.convoy.installers.LifecycleState.STAGING;
import static dev.convoy.installers.LifecycleState.SUCCEEDED;
import static dev.convoy.installers.LifecycleState.UNINSTALLED;
import static dev.convoy.installers.LifecycleState.UNINSTALLING;
import static dev.convoy.installers.LifecycleState.VERIFYING;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives an {@link Installer} through detect → stage → install → verify → commit | rollback → cleanup, and
 * through uninstall, with one transition table:
 * <pre>
 *   state          on OK          on FAIL        on SAME (detect only)
 *   DETECTING      STAGING        FAILED         ALREADY_INSTALLED (end; nothing else runs)
 *   STAGING        INSTALLING     FAILED         (nothing was switched, so nothing to roll back)
 *   INSTALLING     VERIFYING      ROLLING_BACK
 *   VERIFYING      COMMITTING     ROLLING_BACK
 *   COMMITTING     SUCCEEDED      ROLLING_BACK
 *   ROLLING_BACK   ROLLED_BACK    FAILED
 *   UNINSTALLING   UNINSTALLED    FAILED
 *   cleanup runs after every run, whatever the end state.
 * </pre>
 * The listener is told of every state, terminal ones included, before that state's step runs. An exception
 * thrown by a step is that step failing, with the exception's message. The result's exit code and the first
 * part of its message come from the first step that failed.
 *
 * <p>Stateless and thread-safe; callers must not run two lifecycles for the same package at once.
 */
public final class Lifecycle {
  private static final Logger logger = LoggerFactory.getLogger(Lifecycle.class);

  /** What a step's result means for the table. */
  enum Outcome { OK, FAIL, SAME }

  private static final Map<LifecycleState, Step> STEPS = steps();
  private static final Map<LifecycleState, Map<Outcome, LifecycleState>> TABLE = table(
      t(DETECTING, Outcome.OK, STAGING),
      t(DETECTING, Outcome.FAIL, FAILED),
      t(DETECTING, Outcome.SAME, ALREADY_INSTALLED),
      t(STAGING, Outcome.OK, INSTALLING),
      t(STAGING, Outcome.FAIL, FAILED),
      t(INSTALLING, Outcome.OK, VERIFYING),
      t(INSTALLING, Outcome.FAIL, ROLLING_BACK),
      t(VERIFYING, Outcome.OK, COMMITTING),
      t(VERIFYING, Outcome.FAIL, ROLLING_BACK),
      t(COMMITTING, Outcome.OK, SUCCEEDED),
      t(COMMITTING, Outcome.FAIL, ROLLING_BACK),
      t(ROLLING_BACK, Outcome.OK, ROLLED_BACK),
      t(ROLLING_BACK, Outcome.FAIL, FAILED),
      t(UNINSTALLING, Outcome.OK, UNINSTALLED),
      t(UNINSTALLING, Outcome.FAIL, FAILED));

  private Lifecycle() {}

  /**
   * Installs {@code context}'s release; see the table above.
   *
   * @return the end state, every state entered, and the first failure's exit code and message
   * @throws RuntimeException only what {@code listener} throws (cleanup still runs); never for an installer failure
   */
  public static LifecycleResult install(Installer installer, InstallContext context, LifecycleListener listener) {
    return run(DETECTING, installer, context, listener);
  }

  /**
   * Uninstalls {@code context}'s package; see the table above.
   *
   * @throws RuntimeException only what {@code listener} throws (cleanup still runs); never for an installer failure
   */
  public static LifecycleResult uninstall(Installer installer, InstallContext context, LifecycleListener listener) {
    return run(UNINSTALLING, installer, context, listener);
  }

  private static LifecycleResult run(LifecycleState start, Installer installer, InstallContext context,
      LifecycleListener listener) {
    Run run = new Run(installer, context, listener);
    try {
      LifecycleState state = start;
      while (STEPS.containsKey(state)) {
        run.enter(state);
        state = TABLE.get(state).get(run.execute(state));
      }
      run.enter(state);
      return run.result(state);
    } finally {
      cleanup(installer, context);
    }
  }

  private static void cleanup(Installer installer, InstallContext context) {
    try {
      installer.cleanup(context);
    } catch (RuntimeException e) {
      // Cleanup only removes leftovers; its failure must not change what the run achieved.
      logger.warn("cleanup failed package={} version={}", context.packageName(), context.version(), e);
      context.log().line("cleanup failed: " + describe(e));
    }
  }

  private static String describe(RuntimeException e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getName();
  }

  /** A step's result and what it means for the table. */
  private record StepOutcome(Outcome outcome, StepResult result) {
    static StepOutcome of(StepResult result) {
      return new StepOutcome(result.ok() ? Outcome.OK : Outcome.FAIL, result);
    }
  }

  @FunctionalInterface
  private interface StepFunction {
    StepOutcome run(Installer installer, InstallContext context);
  }

  /** A step as the log and the result message name it ("stage"), and what it runs. */
  private record Step(String name, StepFunction function) {}

  private static Map<LifecycleState, Step> steps() {
    Map<LifecycleState, Step> steps = new EnumMap<>(LifecycleState.class);
    steps.put(DETECTING, new Step("detect", Lifecycle::detect));
    steps.put(STAGING, new Step("stage", (installer, context) -> StepOutcome.of(installer.stage(context))));
    steps.put(INSTALLING, new Step("install", (installer, context) -> StepOutcome.of(installer.install(context))));
    steps.put(VERIFYING, new Step("verify", (installer, context) -> StepOutcome.of(installer.verify(context))));
    steps.put(COMMITTING, new Step("commit", (installer, context) -> StepOutcome.of(installer.commit(context))));
    steps.put(ROLLING_BACK, new Step("rollback",
        (installer, context) -> StepOutcome.of(installer.rollback(context))));
    steps.put(UNINSTALLING, new Step("uninstall",
        (installer, context) -> StepOutcome.of(installer.uninstall(context))));
    return steps;
  }

  private static StepOutcome detect(Installer installer, InstallContext context) {
    Detection detection = installer.detect(context);
    String release = context.packageName() + " " + context.version();
    return switch (detection.status()) {
      case INSTALLED_SAME -> new StepOutcome(Outcome.SAME, StepResult.success(release + " is already installed"));
      case INSTALLED_OTHER -> StepOutcome.of(StepResult.success(
          release + " is not installed; installed version: " + detection.installedVersion()));
      case NOT_INSTALLED -> StepOutcome.of(StepResult.success(release + " is not installed"));
    };
  }

  private record Transition(LifecycleState from, Outcome on, LifecycleState to) {}

  private static Transition t(LifecycleState from, Outcome on, LifecycleState to) {
    return new Transition(from, on, to);
  }

  private static Map<LifecycleState, Map<Outcome, LifecycleState>> table(Transition... transitions) {
    Map<LifecycleState, Map<Outcome, LifecycleState>> table = new EnumMap<>(LifecycleState.class);
    for (Transition t : transitions) {
      table.computeIfAbsent(t.from(), from -> new EnumMap<>(Outcome.class)).put(t.on(), t.to());
    }
    return table;
  }

  /** One run's bookkeeping: the chain of states, the first failure, the messages. Confined to one thread. */
  private static final class Run {
    private final Installer installer;
    private final InstallContext context;
    private final LifecycleListener listener;
    private final List<LifecycleState> chain = new ArrayList<>();
    private StepResult firstFailure;
    private String message = "";

    Run(Installer installer, InstallContext context, LifecycleListener listener) {
      this.installer = installer;
      this.context = context;
      this.listener = listener;
    }

    void enter(LifecycleState state) {
      chain.add(state);
      logger.info("lifecycle package={} version={} state={}", context.packageName(), context.version(), state);
      context.log().line("state " + state);
      listener.entered(state);
    }

    Outcome execute(LifecycleState state) {
      Step step = STEPS.get(state);
      StepOutcome outcome;
      try {
        outcome = step.function().run(installer, context);
      } catch (RuntimeException e) {
        logger.warn("step threw package={} version={} state={}", context.packageName(), context.version(), state, e);
        outcome = StepOutcome.of(StepResult.failure(describe(e)));
      }
      record(state, step.name(), outcome.result());
      return outcome.outcome();
    }

    private void record(LifecycleState state, String step, StepResult result) {
      String text = result.ok() ? result.message() : "failed (exit " + result.exitCode() + "): " + result.message();
      context.log().line(step + ": " + text);
      if (firstFailure == null && result.ok()) {
        message = result.message();
      } else if (firstFailure == null) {
        firstFailure = result;
        message = step + " failed: " + result.message();
      } else if (state == ROLLING_BACK) {
        message += "; rollback " + (result.ok() ? "done: " + result.message() : "failed: " + result.message());
      }
    }

    LifecycleResult result(LifecycleState end) {
      return new LifecycleResult(end, chain, firstFailure == null ? 0 : firstFailure.exitCode(), message,
          firstFailure != null && firstFailure.retryable());
    }
  }
}
