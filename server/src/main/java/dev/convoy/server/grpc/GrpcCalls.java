package dev.convoy.server.grpc;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs call bodies and answers with their result or their mapped failure. Stateless. */
final class GrpcCalls {
  private static final Logger logger = LoggerFactory.getLogger(GrpcCalls.class);

  private GrpcCalls() {}

  static <T> void unary(StreamObserver<T> observer, Supplier<T> body) {
    T response;
    try {
      response = body.get();
    } catch (RuntimeException e) {
      fail(observer, e);
      return;
    }
    observer.onNext(response);
    observer.onCompleted();
  }

  /**
   * Ends a call with the status for {@code failure}. Refusals of an authenticated caller (one endpoint naming
   * another's state) are logged: they are either a bug in an agent or an attack, and an operator wants to know.
   */
  static void fail(StreamObserver<?> observer, Throwable failure) {
    if (failure instanceof ConvoyException e && e.code() == ErrorCode.PERMISSION_DENIED) {
      Principal caller = Principal.CONTEXT_KEY.get();
      logger.warn("request refused caller={} reason={}", caller == null ? "?" : caller.name(), e.getMessage());
    }
    observer.onError(StatusMapper.toException(failure));
  }
}
