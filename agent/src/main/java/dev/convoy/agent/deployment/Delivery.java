package dev.convoy.agent.deployment;

/** Who decides when a deployment installs (the agent's mirror of {@code convoy.v1.Delivery}). */
public enum Delivery {
  /** IT decides: it installs inside the campaign's windows once the notice's lead time has passed. */
  PUSH,
  /** The user decides (self-service catalogue, {@code convoy-agent install NAME}) until the optional deadline. */
  PULL
}
