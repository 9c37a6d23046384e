package dev.convoy.agent.enroll;

import dev.convoy.agent.config.DataDir;
import dev.convoy.transport.Fingerprint;
import dev.convoy.transport.ServerAddress;
import java.util.Objects;

/**
 * What {@code convoy-agent enroll} was asked to do.
 *
 * @param force enroll again even if the data directory already holds an enrollment
 */
public record EnrollmentRequest(DataDir dataDir, ServerAddress server, String token, Fingerprint caFingerprint,
    boolean force) {
  /** @throws EnrollmentException INVALID_ARGUMENT naming the missing value */
  public EnrollmentRequest {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(caFingerprint, "caFingerprint");
    if (token == null || token.isBlank()) {
      throw new EnrollmentException(EnrollmentException.Code.INVALID_ARGUMENT, "token: empty (expected: the token from 'convoy token create')");
    }
    token = token.trim();
  }
}
