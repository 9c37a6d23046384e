package dev.convoy.bench.sim;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A unary call on an async stub as a CompletableFuture (completed on the channel's executor). */
final class Unary {
  private Unary() {}

  static <T> CompletableFuture<T> call(Consumer<StreamObserver<T>> start) {
    CompletableFuture<T> result = new CompletableFuture<>();
    start.accept(new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        result.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        result.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {
        result.completeExceptionally(Status.INTERNAL.withDescription("no answer").asRuntimeException());
      }
    });
    return result;
  }

  /** The gRPC status code of a failure (UNKNOWN if it is not a gRPC failure). */
  static Status.Code code(Throwable failure) {
    Throwable t = failure;
    while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return Status.fromThrowable(t).getCode();
  }
}
