package dev.convoy.agent.testing;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** JUnit 5 stand-in for grpc-testing's GrpcCleanupRule: shuts down registered channels and servers after each test. */
public final class GrpcCleanup implements AfterEachCallback {
  private final Deque<Runnable> closers = new ArrayDeque<>();

  public Server register(Server server) {
    closers.push(() -> {
      server.shutdownNow();
      await(() -> server.awaitTermination(5, TimeUnit.SECONDS));
    });
    return server;
  }

  public ManagedChannel register(ManagedChannel channel) {
    closers.push(() -> {
      channel.shutdownNow();
      await(() -> channel.awaitTermination(5, TimeUnit.SECONDS));
    });
    return channel;
  }

  /** Also runs {@code closer} after the test (before the channels and servers registered earlier). */
  public void register(AutoCloseable closer) {
    closers.push(() -> {
      try {
        closer.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Override
  public void afterEach(ExtensionContext context) {
    while (!closers.isEmpty()) {
      closers.pop().run();
    }
  }

  private interface Wait {
    boolean await() throws InterruptedException;
  }

  private static void await(Wait wait) {
    try {
      wait.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
