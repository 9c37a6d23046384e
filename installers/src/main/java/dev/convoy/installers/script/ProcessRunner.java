package dev.convoy.installers.script;

import dev.convoy.installers.InstallLog;

/**
 * Runs external programs for installer steps (scripts, dpkg). The port lets tests observe which programs a backend
 * ran; {@link LocalProcessRunner} is the implementation.
 */
@FunctionalInterface
public interface ProcessRunner {
  /**
   * Runs {@code spec} until it exits or its timeout passes, sending each line of its output to {@code log}.
   *
   * @return how it ended; a program that cannot start, times out or is interrupted is an outcome, not an exception
   */
  ProcessOutcome run(ProcessSpec spec, InstallLog log);
}
