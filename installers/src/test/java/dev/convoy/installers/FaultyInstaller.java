package dev.convoy.installers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A test port around a real backend that injects faults per step and records every call in a shared event list
 * (the same list the test's listener writes to, so the interleaving of states and steps can be asserted).
 */
final class FaultyInstaller implements Installer {
  static final int INJECTED_EXIT = 7;

  private enum Fault { FAIL_BEFORE, FAIL_AFTER, THROW }

  private final Installer delegate;
  private final List<String> events;
  private final Map<String, Fault> faults = new HashMap<>();
  private final Map<String, Runnable> actions = new HashMap<>();

  FaultyInstaller(Installer delegate, List<String> events) {
    this.delegate = delegate;
    this.events = events;
  }

  /** The step reports failure without running the real step. */
  FaultyInstaller failBefore(String step) {
    faults.put(step, Fault.FAIL_BEFORE);
    return this;
  }

  /** The real step runs, then the step reports failure anyway. */
  FaultyInstaller failAfter(String step) {
    faults.put(step, Fault.FAIL_AFTER);
    return this;
  }

  /** The step throws instead of running. */
  FaultyInstaller throwIn(String step) {
    faults.put(step, Fault.THROW);
    return this;
  }

  /** Runs {@code action} just before the real step (e.g. to damage files before verify). */
  FaultyInstaller before(String step, Runnable action) {
    actions.put(step, action);
    return this;
  }

  @Override
  public String type() {
    return delegate.type();
  }

  @Override
  public Detection detect(InstallContext context) {
    events.add("call detect");
    if (faults.get("detect") == Fault.THROW) {
      throw new IllegalStateException("injected detect exception");
    }
    return delegate.detect(context);
  }

  @Override
  public StepResult stage(InstallContext context) {
    return step("stage", () -> delegate.stage(context));
  }

  @Override
  public StepResult install(InstallContext context) {
    return step("install", () -> delegate.install(context));
  }

  @Override
  public StepResult verify(InstallContext context) {
    return step("verify", () -> delegate.verify(context));
  }

  @Override
  public StepResult commit(InstallContext context) {
    return step("commit", () -> delegate.commit(context));
  }

  @Override
  public StepResult rollback(InstallContext context) {
    return step("rollback", () -> delegate.rollback(context));
  }

  @Override
  public void cleanup(InstallContext context) {
    events.add("call cleanup");
    delegate.cleanup(context);
  }

  @Override
  public StepResult uninstall(InstallContext context) {
    return step("uninstall", () -> delegate.uninstall(context));
  }

  private StepResult step(String name, Supplier<StepResult> real) {
    events.add("call " + name);
    actions.getOrDefault(name, () -> { }).run();
    Fault fault = faults.get(name);
    if (fault == Fault.THROW) {
      throw new IllegalStateException("injected " + name + " exception");
    }
    if (fault == Fault.FAIL_BEFORE) {
      return StepResult.failure(INJECTED_EXIT, "injected " + name + " failure");
    }
    StepResult result = real.get();
    if (fault == Fault.FAIL_AFTER) {
      return StepResult.failure(INJECTED_EXIT, "injected " + name + " failure after it ran");
    }
    return result;
  }
}
