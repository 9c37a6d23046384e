package dev.convoy.cli.publisher;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.CommandFailedException;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.UsageException;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.PublisherKey;
import dev.convoy.release.PublisherKeyPair;
import dev.convoy.release.PublisherKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code convoy publisher keygen --out DIR [--name NAME]}: a new Ed25519 publisher key pair, written as
 * {@code DIR/NAME.key} (PKCS#8 PEM, 0600) and {@code DIR/NAME.pub} (SubjectPublicKeyInfo PEM, 0644). Works
 * offline; never overwrites a key.
 */
@Command(name = "keygen", description = {
    "Makes a publisher key pair: DIR/NAME.key (private, mode 0600) and DIR/NAME.pub (public). Prints the key id.",
    "Works offline. Refuses to overwrite an existing key. Then: convoy publisher trust DIR/NAME.pub --name WHO"})
public final class PublisherKeygenCommand extends CliCommand {
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The directory to write the key files to (created if missing).")
  private String out;

  @Option(names = "--name", paramLabel = "NAME", defaultValue = "publisher",
      description = "The base name of the key files. Default: ${DEFAULT-VALUE}.")
  private String name;

  @Mixin
  private OutputOption output;

  PublisherKeygenCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() throws IOException {
    boolean json = output.json();
    if (!FILE_NAME.matcher(name).matches()) {
      throw new UsageException("--name: '" + name + "' (expected: a file base name, [A-Za-z0-9][A-Za-z0-9._-]*)");
    }
    Path dir = context.resolve(out);
    Path privateFile = dir.resolve(name + ".key");
    Path publicFile = dir.resolve(name + ".pub");
    for (Path existing : new Path[] {privateFile, publicFile}) {
      if (Files.exists(existing)) {
        throw new CommandFailedException(existing + " already exists (expected: a new file; a key is never"
            + " overwritten: choose another --out or --name)");
      }
    }
    Files.createDirectories(dir);
    PublisherKeyPair pair = PublisherKeys.generate();
    PublisherKeys.savePrivateKey(pair, privateFile);
    PublisherKeys.savePublicKey(pair.publicKey(), publicFile);
    if (json) {
      context.out().println(Json.pretty(PublisherKey.newBuilder().setKeyId(pair.id().hex())
          .setPublicKeyPem(PublisherKeys.publicKeyPem(pair.publicKey())).build()));
    } else {
      context.out().println("Publisher key " + pair.id().hex());
      context.out().println("  private  " + privateFile + "  (keep it secret: it signs releases)");
      context.out().println("  public   " + publicFile);
      context.err().println("Trust it with: convoy publisher trust " + publicFile + " --name WHO");
    }
    return ExitCodes.OK;
  }
}
