package dev.convoy.cli.tech;

import dev.convoy.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code convoy tech}: technician-assisted installs (docs/technician.md) — the queue of jobs waiting for a technician,
 * claiming one, proving presence with the code the endpoint shows, walking the runbook, watching the install and
 * signing it off.
 */
@Command(name = "tech", description = "Technician-assisted installs: queue, claim, start, step, log, finish.",
    subcommands = {TechCommands.Queue.class, TechCommands.Show.class, TechCommands.Claim.class,
        TechCommands.Release.class, TechCommands.Start.class, TechCommands.Step.class, TechCommands.Log.class,
        TechCommands.Finish.class, TechCommands.Rollback.class},
    synopsisSubcommandLabel = "COMMAND")
public final class TechCommand {
  @Mixin
  private HelpOption help;
}
