package dev.convoy.agent.deployment;

/** Who starts the installer (the agent's mirror of {@code convoy.v1.Execution}). */
public enum Execution {
  /** The agent, when the gate opens. */
  AUTOMATIC,
  /** A technician at the endpoint: the agent waits in AWAITING_TECHNICIAN until one is present. */
  TECHNICIAN
}
