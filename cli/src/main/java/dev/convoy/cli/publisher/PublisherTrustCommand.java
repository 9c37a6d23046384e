package dev.convoy.cli.publisher;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.CommandFailedException;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.UsageException;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.AddPublisherKeyRequest;
import dev.convoy.protocol.v1.PublisherKey;
import dev.convoy.release.PublisherKeys;
import dev.convoy.release.PublisherPublicKey;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code convoy publisher trust FILE --name NAME}: the server accepts releases signed by this key from now on. */
@Command(name = "trust", description = "Makes the server trust a publisher public key (a .pub file from keygen).")
public final class PublisherTrustCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "The public key file (PEM), e.g. publisher.pub.")
  private String file;

  @Option(names = "--name", required = true, paramLabel = "NAME",
      description = "Who the key belongs to, e.g. \"IT packaging team\".")
  private String name;

  @Mixin
  private OutputOption output;

  PublisherTrustCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    PublisherKey key = trust(context, context.resolve(file), name);
    if (json) {
      context.out().println(Json.pretty(key));
    } else {
      context.out().print(PublisherKeyView.render(key));
    }
    return ExitCodes.OK;
  }

  /**
   * Sends the key in {@code file} to AddPublisherKey; shared with the quick start.
   *
   * @throws UsageException if the file is missing or not an Ed25519 public key
   * @throws CommandFailedException if the server recorded a different key id than the file's
   */
  public static PublisherKey trust(CliContext context, Path file, String name) {
    PublisherPublicKey local;
    try {
      local = PublisherKeys.loadPublicKey(file);
    } catch (IllegalArgumentException e) {
      throw new UsageException("FILE: " + file + ": " + e.getMessage(), e);
    }
    PublisherKey recorded = context.admin().addPublisherKey(AddPublisherKeyRequest.newBuilder()
        .setName(name).setPublicKeyPem(PublisherKeys.publicKeyPem(local)).build());
    if (!recorded.getKeyId().equals(local.id().hex())) {
      throw new CommandFailedException("the server recorded key id " + recorded.getKeyId() + " (expected: "
          + local.id().hex() + ", the id of " + file + ")");
    }
    return recorded;
  }
}
