package dev.convoy.server.testing;

import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A response observer that collects messages and completes a future with all of them (or the error). */
public final class Collector<T> implements StreamObserver<T> {
  private final List<T> values = new CopyOnWriteArrayList<>();
  private final CompletableFuture<List<T>> done = new CompletableFuture<>();

  @Override
  public void onNext(T value) {
    values.add(value);
  }

  @Override
  public void onError(Throwable t) {
    done.completeExceptionally(t);
  }

  @Override
  public void onCompleted() {
    done.complete(new ArrayList<>(values));
  }

  /** Every message, once the call completed; throws the call's error (unwrapped) otherwise. */
  public List<T> await() {
    try {
      return done.get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Messages received so far. */
  public List<T> values() {
    return List.copyOf(values);
  }

  public boolean isDone() {
    return done.isDone();
  }
}
