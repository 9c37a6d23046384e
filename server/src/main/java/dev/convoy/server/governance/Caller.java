package dev.convoy.server.governance;

import java.util.Objects;

/**
 * Who asks for a governance action, as authenticated at the edge.
 *
 * @param name the person's name (CN)
 * @param subject the certificate subject (how audit entries and {@code Campaign.createdBy} name people)
 */
public record Caller(String name, String subject) {
  public Caller {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(subject, "subject");
  }
}
