package dev.convoy.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor gRPC runs call handlers on: a fixed number of threads with a queue in front, instead of grpc-java's
 * default unbounded cached pool, which under a burst (10,000 agents syncing at once) starts a thread per waiting
 * call and spends the two cores switching between hundreds of them. Handlers block only on a synced batch (group
 * commit: about one fsync shared by every caller waiting) or a per-record lock, so a few threads per core keep
 * enough calls in flight to fill each group; the rest wait in the queue, in order. Idle threads end after a minute.
 *
 * <p>The queue is unbounded: what waits in it is bounded by the transport (HTTP/2 concurrent streams per
 * connection), and a refusal here would surface as a transport error rather than as a clean status.
 */
final class CallExecutor {
  /** Threads per core: enough blocked on an fsync at once to share it, few enough not to thrash. */
  static final int THREADS_PER_CORE = 16;

  private CallExecutor() {}

  /** Whether {@code executor} (one {@link #create} made) runs and queues nothing right now. */
  static boolean isIdle(ExecutorService executor) {
    ThreadPoolExecutor pool = (ThreadPoolExecutor) executor;
    return pool.getActiveCount() == 0 && pool.getQueue().isEmpty();
  }

  static ExecutorService create() {
    int threads = THREADS_PER_CORE * Math.max(1, Runtime.getRuntime().availableProcessors());
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), runnable -> {
          Thread thread = new Thread(runnable, "convoy-call-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
