package dev.convoy.cli.audit;

import dev.convoy.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy audit}: the server's hash-chained log of administrative actions. */
@Command(name = "audit", description = "The server's tamper-evident log of administrative actions.",
    subcommands = {AuditListCommand.class, AuditVerifyCommand.class, AuditExportCommand.class},
    synopsisSubcommandLabel = "COMMAND")
public final class AuditCommand {
  @Mixin
  private HelpOption help;
}
