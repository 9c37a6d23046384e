package dev.convoy.cli.identity;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.RevocationView;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.RevokePersonRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy identity revoke NAME}: the person's certificates are refused from now on and their open streams end
 * within seconds. Idempotent; recorded in the audit log.
 */
@Command(name = "revoke", description = {"Revokes a person: their certificates are refused from now on and their "
    + "open streams end within seconds.", "Idempotent; recorded in the audit log."})
public final class IdentityRevokeCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The person's name (the CN of their certificate).")
  private String name;

  @Option(names = "--comment", paramLabel = "TEXT", description = "Why (kept in the audit log).")
  private String comment = "";

  @Mixin
  private OutputOption output;

  IdentityRevokeCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    var response = context.admin().revokePerson(RevokePersonRequest.newBuilder().setName(name)
        .setComment(comment).build());
    context.out().print(RevocationView.render("person", response, json));
    return ExitCodes.OK;
  }
}
