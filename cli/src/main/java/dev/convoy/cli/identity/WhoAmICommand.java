package dev.convoy.cli.identity;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.WhoAmIRequest;
import dev.convoy.protocol.v1.WhoAmIResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code convoy whoami}: who the server takes you for, your roles, scopes and the permissions they grant. A quick
 * check of server + identity.
 */
@Command(name = "whoami", description = "Shows who the server takes you for: name, roles, scopes, permissions.")
public final class WhoAmICommand extends CliCommand {
  @Mixin
  private OutputOption output;

  WhoAmICommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    WhoAmIResponse me = context.admin().whoAmI(WhoAmIRequest.getDefaultInstance());
    if (json) {
      context.out().println(Json.pretty(me));
    } else {
      context.out().println("name         " + me.getName());
      context.out().println("subject      " + me.getSubject());
      context.out().println("roles        " + list(me.getRolesList(), "(none)"));
      context.out().println("scopes       " + list(me.getScopesList(), "(none: every endpoint)"));
      context.out().println("permissions  " + list(me.getPermissionsList(), "(none)"));
      context.out().println("server       " + context.serverAddress());
    }
    return ExitCodes.OK;
  }

  private static String list(java.util.List<String> values, String none) {
    return values.isEmpty() ? none : String.join(", ", values);
  }
}
