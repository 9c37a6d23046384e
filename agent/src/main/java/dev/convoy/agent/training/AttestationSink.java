package dev.convoy.agent.training;

/** Port: the server's {@code ReportTrainingAttestation}. Implementations are thread-safe. */
public interface AttestationSink {
  /**
   * Reports {@code attestation}; returns once the server acknowledged it (recorded now or before).
   *
   * @throws dev.convoy.agent.deployment.ServerException when the server refuses or cannot be reached
   */
  void report(Attestation attestation);
}
