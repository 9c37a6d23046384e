package dev.convoy.cli.publisher;

import dev.convoy.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code convoy publisher}: the Ed25519 keys that sign releases, and which of them the server trusts. */
@Command(name = "publisher", description = {"Publisher keys: make one, and manage the keys the server trusts.",
    "Signed releases (convoy release publish) must be signed by a trusted key. Distinct from TLS identities."},
    subcommands = {PublisherKeygenCommand.class, PublisherTrustCommand.class, PublisherListCommand.class,
        PublisherRemoveCommand.class},
    synopsisSubcommandLabel = "COMMAND")
public final class PublisherCommand {
  @Mixin
  private HelpOption help;
}
