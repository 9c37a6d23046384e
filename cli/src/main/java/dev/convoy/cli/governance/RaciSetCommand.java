package dev.convoy.cli.governance;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.SetRaciRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code convoy raci set (release N@V | campaign ID) --responsible P --accountable P ...}. */
@Command(name = "set", description = {"Sets the RACI of a release or a campaign (needs run-campaigns).",
    "Persons are names of issued identities. Changing the RACI of a campaign not started yet voids its approval."})
public final class RaciSetCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "KIND", description = "release or campaign")
  private String kind;

  @Parameters(index = "1", paramLabel = "N@V|ID", description = "The release (name@version) or campaign id.")
  private String subject;

  @Option(names = "--responsible", required = true, paramLabel = "P", description = "Who runs it.")
  private String responsible;

  @Option(names = "--accountable", required = true, paramLabel = "P",
      description = "Who approves it and gives the go between waves (exactly one; never the campaign's creator).")
  private String accountable;

  @Option(names = "--consulted", split = ",", paramLabel = "P,...",
      description = "Who must acknowledge before a production start.")
  private List<String> consulted = List.of();

  @Option(names = "--informed", split = ",", paramLabel = "P,...", description = "Who is told of every change.")
  private List<String> informed = List.of();

  @Option(names = "--comment", paramLabel = "TEXT", description = "Why (kept in the audit log).")
  private String comment = "";

  @Mixin
  private OutputOption output;

  RaciSetCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    boolean json = output.json();
    var request = SetRaciRequest.newBuilder().setSubject(RaciSubjects.parse(kind, subject))
        .setResponsible(responsible).setAccountable(accountable).addAllConsulted(consulted)
        .addAllInformed(informed).setComment(comment).build();
    var response = context.admin().setRaci(request);
    context.out().print(json ? Json.pretty(response) + "\n" : GovernanceViews.raci(kind + " " + subject, response));
    return ExitCodes.OK;
  }
}
