package dev.convoy.cli.identity;

import com.google.protobuf.ByteString;
import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.CommandFailedException;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.UsageException;
import dev.convoy.protocol.v1.IssueIdentityRequest;
import dev.convoy.protocol.v1.IssueIdentityResponse;
import dev.convoy.transport.Csr;
import dev.convoy.transport.Identity;
import dev.convoy.transport.KeyPairs;
import dev.convoy.transport.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code convoy identity issue}: generates a key pair here (the private key never leaves this machine), has the
 * server sign a person certificate for its CSR, and writes the identity file (mode 0600) for
 * {@code convoy --identity FILE}. Needs the manage-identities permission.
 */
@Command(name = "issue", description = {"Issues a person identity: the key pair is made here, the server signs "
    + "the certificate and registers the person (or adds a certificate to an existing one).",
    "Writes the identity file (mode 0600) to use with convoy --identity FILE."})
public final class IdentityIssueCommand extends CliCommand {
  @Option(names = "--name", required = true, paramLabel = "NAME", description = "The person's name (the CN).")
  private String name;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The identity file to write.")
  private String out;

  @Mixin
  private ProfileOptions profile;

  IdentityIssueCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    Path file = context.resolve(out);
    if (Files.exists(file)) {
      throw new UsageException("--out: " + file + " exists (expected: a new file; an identity file is never "
          + "overwritten)");
    }
    KeyPair keys = KeyPairs.newP256();
    IssueIdentityRequest.Builder request = IssueIdentityRequest.newBuilder().setName(name)
        .addAllRoles(profile.roles()).setCsrDer(ByteString.copyFrom(Csr.create(keys, name)));
    profile.scopes().ifPresent(request::setScopes);
    profile.email().ifPresent(request::setEmail);
    IssueIdentityResponse response = context.admin().issueIdentity(request.build());
    try {
      new Identity(keys.getPrivate(), Pem.certificate(response.getCertificatePem()),
          Pem.certificate(response.getCaCertificatePem())).save(file);
    } catch (IOException e) {
      throw new CommandFailedException("cannot write " + file + ": " + e.getMessage() + " (the certificate "
          + response.getCertificateSerial() + " was issued; issue again to another file)", e);
    }
    var person = response.getPerson();
    context.out().println((response.getReissued() ? "Issued another certificate to " : "Registered ")
        + person.getName() + " (roles: " + String.join(",", person.getRolesList()) + "; scope: "
        + IdentityView.scope(person) + ")");
    context.out().println("Identity file: " + file + " (serial " + response.getCertificateSerial()
        + ", valid until " + IdentityView.instant(response.getExpiresAt()) + "; keep it secret)");
    context.out().println("Use it: convoy --identity " + file + " whoami");
    return ExitCodes.OK;
  }
}
