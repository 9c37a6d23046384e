package dev.convoy.cli.notify;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.OutboxNotification;
import dev.convoy.protocol.v1.RetryNotificationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code convoy notifications retry ID}: sends a dead letter again, after its receiver was fixed. */
@Command(name = "retry", description = {"Sends a dead letter again: it becomes pending, due at once, with the "
    + "retry policy's whole maximum age.", "Recorded in the audit log."})
public final class NotificationsRetryCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The notification id (see convoy notifications list"
      + " --failed).")
  private long id;

  @Mixin
  private OutputOption output;

  NotificationsRetryCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    OutboxNotification n = context.admin().retryNotification(RetryNotificationRequest.newBuilder().setId(id)
        .build());
    if (json) {
      context.out().println(Json.pretty(n));
    } else {
      context.out().println("Notification " + n.getId() + " (" + n.getKind() + " of " + n.getCampaignId() + " to "
          + n.getDestination() + ") is pending again; the server delivers it within seconds.");
    }
    return ExitCodes.OK;
  }
}
