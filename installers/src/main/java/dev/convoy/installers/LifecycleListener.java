package dev.convoy.installers;

/** Told of each lifecycle state as it is entered, before the step runs (the agent journals and reports it). */
@FunctionalInterface
public interface LifecycleListener {
  void entered(LifecycleState state);
}
