package dev.convoy.agent.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The agent's data directory and where each thing lives in it (docs/runtime-layout.md, "Agent data directory").
 *
 * @param root the directory given with {@code --data}
 */
public record DataDir(Path root) {
  public DataDir {
    Objects.requireNonNull(root, "data directory");
    root = root.toAbsolutePath().normalize();
  }

  /** {@code agent.properties}: server, endpoint id, pinned CA fingerprint, group, tuning. */
  public Path properties() {
    return root.resolve("agent.properties");
  }

  /** {@code identity.pem}: key, certificate and CA (mode 0600). */
  public Path identity() {
    return root.resolve("identity.pem");
  }

  /** {@code journal/}: one properties file per deployment. */
  public Path journal() {
    return root.resolve("journal");
  }

  /** {@code downloads/}: {@code <sha256>.part} while downloading, {@code <sha256>.payload} once verified. */
  public Path downloads() {
    return root.resolve("downloads");
  }

  /** {@code managed/}: the installers' managed root. */
  public Path managed() {
    return root.resolve("managed");
  }

  /** {@code notices.json}: the notices shown on this endpoint ({@code convoy-agent notices}). */
  public Path notices() {
    return root.resolve("notices.json");
  }

  /** {@code agent.sock}: the daemon's local socket for the user commands (agent/README.md, "Local socket"). */
  public Path socket() {
    return root.resolve("agent.sock");
  }

  /** {@code facts.d/}: executables that print custom facts (docs/inventory.md). */
  public Path factsDir() {
    return root.resolve("facts.d");
  }

  /** {@code work/<deployment id>/}: scratch space and the per-deployment log. */
  public Path work(String deploymentId) {
    return root.resolve("work").resolve(deploymentId);
  }
}
