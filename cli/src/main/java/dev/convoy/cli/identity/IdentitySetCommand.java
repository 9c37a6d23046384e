package dev.convoy.cli.identity;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.UsageException;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.PersonInfo;
import dev.convoy.protocol.v1.SetIdentityRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy identity set NAME}: changes a person's roles, scopes or e-mail address; what is not given stays.
 * Audited. The server refuses removing your own admin role and leaving no unscoped admin.
 */
@Command(name = "set", description = {"Changes a person's roles, scopes or e-mail address; what is not given stays.",
    "Audited. You cannot remove your own admin role; one unrevoked admin without scope always remains."})
public final class IdentitySetCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The person's name.")
  private String name;

  @Mixin
  private ProfileOptions profile;

  @Mixin
  private OutputOption output;

  IdentitySetCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    if (profile.roles().isEmpty() && profile.scopes().isEmpty() && profile.email().isEmpty()) {
      throw new UsageException("nothing to change (expected: --role, --scope or --email)");
    }
    SetIdentityRequest.Builder request = SetIdentityRequest.newBuilder().setName(name).addAllRoles(profile.roles());
    profile.scopes().ifPresent(request::setScopes);
    profile.email().ifPresent(request::setEmail);
    PersonInfo person = context.admin().setIdentity(request.build());
    context.out().println(json ? Json.pretty(person) : "Changed " + person.getName() + ": roles "
        + String.join(",", person.getRolesList()) + "; scope " + IdentityView.scope(person) + "; e-mail "
        + (person.getEmail().isEmpty() ? "-" : person.getEmail()));
    return ExitCodes.OK;
  }
}
