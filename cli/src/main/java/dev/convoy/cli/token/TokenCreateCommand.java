package dev.convoy.cli.token;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.UsageException;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.CreateEnrollmentTokenRequest;
import dev.convoy.protocol.v1.CreateEnrollmentTokenResponse;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code convoy token create}: a new enrollment token. In table mode stdout carries the secret alone, so that
 * {@code T=$(convoy token create --group lab)} works; the details go to stderr.
 */
@Command(name = "create", description = "Creates an enrollment token; prints the secret (shown once).")
public final class TokenCreateCommand extends CliCommand {
  @Option(names = "--group", required = true, paramLabel = "G",
      description = "The group that endpoints enrolled with this token join.")
  private String group;

  @Option(names = "--uses", paramLabel = "N", defaultValue = "1",
      description = "How many enrollments the token allows (default: ${DEFAULT-VALUE}).")
  private int uses;

  @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "24h", converter = Ttl.class,
      description = "How long the token is valid: a number with unit s, m, h or d (default: ${DEFAULT-VALUE}).")
  private Duration ttl;

  @Mixin
  private OutputOption output;

  TokenCreateCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    if (group.isBlank()) {
      throw new UsageException("--group: empty (expected: a group name)");
    }
    if (uses < 1) {
      throw new UsageException("--uses: " + uses + " (expected: >= 1)");
    }
    CreateEnrollmentTokenResponse token = context.admin().createEnrollmentToken(
        CreateEnrollmentTokenRequest.newBuilder()
            .setGroup(group).setUses(uses).setTtlSeconds(ttl.toSeconds()).build());
    if (json) {
      context.out().println(Json.pretty(token));
    } else {
      context.out().println(token.getToken());
      context.err().println("token " + token.getTokenId() + " for group " + token.getGroup() + ": "
          + token.getUses() + (token.getUses() == 1 ? " use" : " uses")
          + ", expires " + Times.iso(token.getExpiresAt()));
    }
    return ExitCodes.OK;
  }
}
