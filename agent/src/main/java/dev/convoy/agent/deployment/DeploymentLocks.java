package dev.convoy.agent.deployment;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per deployment: the reconciler's worker walks a deployment under it, and a user's request from the local
 * socket (install, defer) changes it under it, so that the two never journal from a stale entry or interleave
 * sequence numbers. Thread-safe.
 */
final class DeploymentLocks {
  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /** Something to do under a deployment's lock. */
  @FunctionalInterface
  interface Locked<T, E extends Exception> {
    T run() throws E;
  }

  /** Runs {@code action} under the lock of {@code deploymentId}, waiting as long as it takes. */
  <T, E extends Exception> T with(String deploymentId, Locked<T, E> action) throws E {
    ReentrantLock lock = lock(deploymentId);
    lock.lock();
    try {
      return action.run();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code action} under the lock of {@code deploymentId} if it is free within {@code timeout}.
   *
   * @throws IllegalStateException if the deployment stays busy (the worker is downloading or installing it)
   */
  <T, E extends Exception> T tryWith(String deploymentId, Duration timeout, Locked<T, E> action) throws E {
    ReentrantLock lock = lock(deploymentId);
    try {
      if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("deployment " + deploymentId + " is busy (the agent is working on it); "
            + "try again in a moment");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for deployment " + deploymentId, e);
    }
    try {
      return action.run();
    } finally {
      lock.unlock();
    }
  }

  private ReentrantLock lock(String deploymentId) {
    return locks.computeIfAbsent(deploymentId, id -> new ReentrantLock());
  }
}
