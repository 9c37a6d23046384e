package dev.convoy.cli.publisher;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.PublisherKey;
import dev.convoy.protocol.v1.RemovePublisherKeyRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy publisher remove KEY_ID}: the server stops trusting a key. Releases it already recorded stay; new
 * uploads signed by it are refused.
 */
@Command(name = "remove", description = {"Makes the server stop trusting a publisher key.",
    "New releases signed by it are refused from then on."})
public final class PublisherRemoveCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "KEY_ID", description = "The key id (64 hex digits, see convoy publisher list).")
  private String keyId;

  @Mixin
  private OutputOption output;

  PublisherRemoveCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    PublisherKey removed = context.admin().removePublisherKey(
        RemovePublisherKeyRequest.newBuilder().setKeyId(keyId).build());
    if (json) {
      context.out().println(Json.pretty(removed));
    } else {
      context.out().println("Removed publisher key " + removed.getKeyId()
          + (removed.getName().isEmpty() ? "" : " (" + removed.getName() + ")"));
    }
    return ExitCodes.OK;
  }
}
