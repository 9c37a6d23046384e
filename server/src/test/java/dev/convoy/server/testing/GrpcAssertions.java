package dev.convoy.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a gRPC call fails with a given status. */
public final class GrpcAssertions {
  private GrpcAssertions() {}

  /** The call fails with {@code code}; returns the status description for further checks. */
  public static String assertStatus(ThrowingCallable call, Status.Code code) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("expected a failure with %s", code).isInstanceOf(StatusRuntimeException.class);
    Status status = ((StatusRuntimeException) thrown).getStatus();
    assertThat(status.getCode()).as("status of %s", status).isEqualTo(code);
    return status.getDescription() == null ? "" : status.getDescription();
  }
}
