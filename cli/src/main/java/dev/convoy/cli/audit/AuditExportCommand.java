package dev.convoy.cli.audit;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code convoy audit export}: every selected entry as one JSON object per line (JSON Lines), with its hashes, for
 * archiving or a SIEM. The last line's hash anchors everything before it.
 */
@Command(name = "export", description = {"Prints audit entries as JSON Lines (one entry per line, with hashes).",
    "Redirect to a file to archive it: convoy audit export > audit.jsonl"})
public final class AuditExportCommand extends CliCommand {
  @Mixin
  private AuditFilter filter;

  AuditExportCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    AuditPages.forEach(context.admin(), filter.request(context.clock().instant()),
        entry -> context.out().println(Json.compact(entry)));
    context.out().flush();
    return ExitCodes.OK;
  }
}
