package dev.convoy.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a domain call fails with a given {@link ErrorCode}. */
public final class DomainAssertions {
  private DomainAssertions() {}

  /** The call fails with {@code code}; returns the message for further checks. */
  public static String assertCode(ThrowingCallable call, ErrorCode code) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("expected a ConvoyException with %s", code).isInstanceOf(ConvoyException.class);
    assertThat(((ConvoyException) thrown).code()).as("code of: %s", thrown.getMessage()).isEqualTo(code);
    return thrown.getMessage();
  }
}
