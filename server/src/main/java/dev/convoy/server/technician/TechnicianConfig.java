package dev.convoy.server.technician;

import java.time.Duration;

/**
 * Settings of the technician workflow.
 *
 * @param codeTtl how long a presence code may be entered after the claim (default 5 minutes)
 * @param codeAttempts wrong entries allowed before the code is burned (default 5)
 */
public record TechnicianConfig(Duration codeTtl, int codeAttempts) {
  public static final TechnicianConfig DEFAULTS = new TechnicianConfig(Duration.ofMinutes(5), 5);

  public TechnicianConfig {
    if (codeTtl == null || codeTtl.isNegative() || codeTtl.isZero()) {
      throw new IllegalArgumentException("codeTtl: " + codeTtl + " (expected: > 0)");
    }
    if (codeAttempts < 1) {
      throw new IllegalArgumentException("codeAttempts: " + codeAttempts + " (expected: >= 1)");
    }
  }
}
