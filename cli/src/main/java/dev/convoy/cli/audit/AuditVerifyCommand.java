package dev.convoy.cli.audit;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.VerifyAuditRequest;
import dev.convoy.protocol.v1.VerifyAuditResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code convoy audit verify}: has the log been tampered with? Exit 0 if every entry is intact and in order; exit 1
 * naming the first bad entry otherwise.
 */
@Command(name = "verify", description = {"Checks the audit log's hash chain on the server.",
    "Exit 0 if every entry is intact, in order and none is missing; 1 naming the first bad entry otherwise."})
public final class AuditVerifyCommand extends CliCommand {
  @Mixin
  private OutputOption output;

  AuditVerifyCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    VerifyAuditResponse result = context.admin().verifyAudit(VerifyAuditRequest.getDefaultInstance());
    if (json) {
      context.out().println(Json.pretty(result));
    } else if (result.getOk()) {
      context.out().println("Audit log intact: " + result.getEntriesChecked() + " entries, head "
          + result.getHeadSequence() + " " + result.getHeadHash());
    }
    if (!result.getOk()) {
      context.err().println("error: audit log broken at entry " + result.getFirstBadSequence() + ": "
          + result.getReason() + " (" + result.getEntriesChecked() + " entries before it are intact)");
      return ExitCodes.FAILED;
    }
    return ExitCodes.OK;
  }
}
