package dev.convoy.agent.grpc;

import static dev.convoy.agent.enroll.EnrollmentException.Code.CA_MISMATCH;
import static dev.convoy.agent.enroll.EnrollmentException.Code.REFUSED;
import static dev.convoy.agent.enroll.EnrollmentException.Code.UNREACHABLE;

import com.google.protobuf.ByteString;
import dev.convoy.agent.enroll.EnrollmentApi;
import dev.convoy.agent.enroll.EnrollmentException;
import dev.convoy.agent.enroll.EnrollmentResponse;
import dev.convoy.protocol.v1.EnrollRequest;
import dev.convoy.protocol.v1.EnrollResponse;
import dev.convoy.protocol.v1.EnrollmentServiceGrpc;
import dev.convoy.transport.Channels;
import dev.convoy.transport.Fingerprint;
import dev.convoy.transport.PinnedCaTrustManager;
import dev.convoy.transport.ServerAddress;
import dev.convoy.transport.TlsContexts;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@link EnrollmentApi} over {@code convoy.v1.EnrollmentService}: one short-lived TLS channel without a client
 * certificate, trusting the server only through the pinned CA fingerprint. Thread-safe (stateless).
 */
public final class GrpcEnrollmentApi implements EnrollmentApi {
  private final Duration timeout;

  /** @param timeout deadline of the Enroll call */
  public GrpcEnrollmentApi(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public EnrollmentResponse enroll(ServerAddress server, Fingerprint pinnedCa, String token, byte[] csrDer,
      String hostname) {
    ManagedChannel channel = Channels.open(server, TlsContexts.pinned(new PinnedCaTrustManager(pinnedCa)));
    try {
      EnrollResponse response = EnrollmentServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .enroll(EnrollRequest.newBuilder().setToken(token).setCsrDer(ByteString.copyFrom(csrDer))
              .setHostname(hostname).build());
      return new EnrollmentResponse(response.getEndpointId(), response.getCertificatePem(),
          response.getCaCertificatePem(), response.getGroup());
    } catch (StatusRuntimeException e) {
      throw failure(server, e);
    } finally {
      channel.shutdownNow();
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private EnrollmentException failure(ServerAddress server, StatusRuntimeException e) {
    CertificateException pinning = find(e, CertificateException.class);
    if (pinning != null) {
      return new EnrollmentException(CA_MISMATCH, pinning.getMessage(), e);
    }
    Status status = e.getStatus();
    String description = status.getDescription() == null ? status.getCode().name() : status.getDescription();
    return switch (status.getCode()) {
      case UNAVAILABLE -> new EnrollmentException(UNREACHABLE, "cannot reach the server at " + server + " ("
          + rootMessage(e) + ")", e);
      case DEADLINE_EXCEEDED -> new EnrollmentException(UNREACHABLE, "no answer from the server at " + server
          + " within " + timeout.toSeconds() + " s", e);
      default -> new EnrollmentException(REFUSED, "enrollment refused by the server: " + description, e);
    };
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }
}
