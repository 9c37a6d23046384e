package dev.convoy.cli.identity;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.ListIdentitiesRequest;
import dev.convoy.protocol.v1.ListIdentitiesResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy identity list}: the persons the server knows, their roles, scopes and certificates. */
@Command(name = "list", description = "Lists persons: name, roles, scopes, e-mail, certificates, revoked.")
public final class IdentityListCommand extends CliCommand {
  @Mixin
  private OutputOption output;

  IdentityListCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    ListIdentitiesResponse persons = context.admin().listIdentities(ListIdentitiesRequest.getDefaultInstance());
    context.out().print(json ? Json.pretty(persons) + "\n" : IdentityView.render(persons));
    return ExitCodes.OK;
  }
}
