package dev.convoy.server.technician;

import java.util.Optional;

/** Port: the runbook text (Markdown) a release carries, if it carries one. Thread-safe. */
@FunctionalInterface
public interface RunbookSource {
  /**
   * @throws dev.convoy.server.error.ConvoyException FAILED_PRECONDITION if the release's runbook cannot be read
   */
  Optional<String> runbook(String releaseName, String releaseVersion);
}
