package dev.convoy.agent.enroll;

import dev.convoy.transport.Fingerprint;
import dev.convoy.transport.ServerAddress;

/** The server's {@code EnrollmentService}, reached without a client certificate; implemented at the gRPC edge. */
@FunctionalInterface
public interface EnrollmentApi {
  /**
   * Exchanges a token and a CSR for a certificate over TLS that trusts the server only through the pinned CA.
   *
   * @throws EnrollmentException CA_MISMATCH when the handshake fails on the pinned CA, REFUSED when the server
   *     refuses (its message is kept), UNREACHABLE when it cannot be reached
   */
  EnrollmentResponse enroll(ServerAddress server, Fingerprint pinnedCa, String token, byte[] csrDer, String hostname);
}
