package dev.convoy.agent.technician;

import java.time.Instant;
import java.util.Objects;

/**
 * A technician coming to this computer for a deployment (DeploymentSpec.technician_visit): who, and the one-time
 * code to give them at the desk.
 *
 * @param code the code; "" when the server no longer holds it in clear (keep the one received for {@code codeId})
 * @param codeId one issue of a code; a new claim brings a new one
 */
public record TechnicianVisit(String deploymentId, String packageName, String version, String technician,
    String code, String codeId, Instant expiresAt) {
  public TechnicianVisit {
    Objects.requireNonNull(deploymentId, "deploymentId");
    code = code == null ? "" : code;
  }
}
