package dev.convoy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * Base of the leaf commands: holds the run's {@link CliContext} (server connection, output, clock).
 * Subclasses implement {@link #call()} and return an {@link ExitCodes} value.
 */
public abstract class CliCommand implements Callable<Integer> {
  protected final CliContext context;

  @Mixin
  private HelpOption help;

  protected CliCommand(CliContext context) {
    this.context = context;
  }
}
