package dev.convoy.agent.inventory.packages;

/** A package database query failed; the message names the tool and why. */
public final class PackageQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PackageQueryException(String message) {
    super(message);
  }
}
