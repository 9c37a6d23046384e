package dev.convoy.server.common;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of locks addressed by key: read-modify-write of one aggregate (a token, a deployment, a campaign)
 * holds the lock for its key from the read until its change is durable, so two concurrent calls never both act on
 * the same stale read. Two keys may share a stripe; that only serialises them, it never deadlocks as long as a
 * caller holds at most one lock of one instance at a time (the rule every service here follows).
 *
 * <p>Thread-safe.
 */
public final class StripedLocks {
  private final ReentrantLock[] locks;

  /** @param stripes number of locks, a power of two */
  public StripedLocks(int stripes) {
    if (stripes <= 0 || Integer.bitCount(stripes) != 1) {
      throw new IllegalArgumentException("stripes: " + stripes + " (expected: a power of two)");
    }
    locks = new ReentrantLock[stripes];
    for (int i = 0; i < stripes; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** The lock for {@code key}; callers lock it in a try/finally. */
  public ReentrantLock forKey(String key) {
    int h = key.hashCode();
    h ^= h >>> 16;
    return locks[h & (locks.length - 1)];
  }
}
