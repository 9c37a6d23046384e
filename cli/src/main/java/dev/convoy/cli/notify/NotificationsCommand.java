package dev.convoy.cli.notify;

import dev.convoy.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy notifications}: the server's outbox of events for webhooks and e-mail (docs/notifications.md). */
@Command(name = "notifications", description = "Events on their way to webhooks and e-mail recipients, and the "
    + "ones the server gave up on.", subcommands = {NotificationsListCommand.class, NotificationsRetryCommand.class},
    synopsisSubcommandLabel = "COMMAND")
public final class NotificationsCommand {
  @Mixin
  private HelpOption help;
}
