package dev.convoy.cli.publisher;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.ListPublisherKeysRequest;
import dev.convoy.protocol.v1.ListPublisherKeysResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy publisher list}: the publisher keys the server trusts. */
@Command(name = "list", description = "Lists the publisher keys the server trusts.")
public final class PublisherListCommand extends CliCommand {
  @Mixin
  private OutputOption output;

  PublisherListCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    var format = output.format();
    ListPublisherKeysResponse keys = context.admin().listPublisherKeys(ListPublisherKeysRequest.getDefaultInstance());
    context.out().print(switch (format) {
      case JSON -> Json.pretty(keys) + "\n";
      case CSV -> PublisherKeyView.csv(keys);
      case TABLE -> PublisherKeyView.render(keys);
    });
    return ExitCodes.OK;
  }
}
