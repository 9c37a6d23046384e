package dev.convoy.cli.agent;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.RevocationView;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.RevokeEndpointRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy agent revoke ENDPOINT}: the endpoint's certificate is refused from now on and its open session ends
 * within seconds (a lost or compromised machine). Idempotent; recorded in the audit log.
 */
@Command(name = "revoke", description = {"Revokes an endpoint: its certificate is refused from now on and its open "
    + "session ends within seconds.", "Idempotent; recorded in the audit log. Re-enrolling needs a new token."})
public final class AgentRevokeCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "ENDPOINT", description = "The endpoint id (see convoy agent list).")
  private String endpointId;

  @Option(names = "--comment", paramLabel = "TEXT", description = "Why (kept in the audit log).")
  private String comment = "";

  @Mixin
  private OutputOption output;

  AgentRevokeCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    var response = context.admin().revokeEndpoint(RevokeEndpointRequest.newBuilder().setEndpointId(endpointId)
        .setComment(comment).build());
    context.out().print(RevocationView.render("endpoint", response, json));
    return ExitCodes.OK;
  }
}
