package dev.convoy.cli.release;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.ListReleasesRequest;
import dev.convoy.protocol.v1.ListReleasesResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code convoy release list [NAME]}: the catalogue's releases with their dependencies and OS requirements. */
@Command(name = "list", description = {"Lists the releases in the catalogue (of one package with NAME):",
    "installer, format, dependencies, conflicts, superseded packages and minimum OS facts."})
public final class ReleaseListCommand extends CliCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Only this package's releases.")
  private String name;

  @Mixin
  private OutputOption output;

  ReleaseListCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    var format = output.format();
    ListReleasesResponse response = context.admin().listReleases(ListReleasesRequest.newBuilder()
        .setName(name == null ? "" : name).build());
    context.out().print(switch (format) {
      case JSON -> Json.pretty(response) + "\n";
      case CSV -> ReleaseView.csv(response.getReleasesList());
      case TABLE -> ReleaseView.list(response.getReleasesList());
    });
    return ExitCodes.OK;
  }
}
