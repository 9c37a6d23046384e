package dev.convoy.cli.compliance;

import dev.convoy.cli.CliCommand;
import dev.convoy.cli.CliContext;
import dev.convoy.cli.ExitCodes;
import dev.convoy.cli.UsageException;
import dev.convoy.cli.campaign.ReleaseRef;
import dev.convoy.cli.output.Json;
import dev.convoy.cli.output.OutputOption;
import dev.convoy.protocol.v1.ComplianceReport;
import dev.convoy.protocol.v1.GetComplianceRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code convoy compliance PACKAGE [--release N@V]}: which endpoints run which version of a package, against the
 * approved release (the one of the package's most recent completed campaign) or the release given.
 */
@Command(name = "compliance", description = {"Shows which endpoints run which version of a package.",
    "The reference is the approved release (that of the package's most recent completed campaign), or --release."})
public final class ComplianceCommand extends CliCommand {
  @Parameters(index = "0", paramLabel = "PACKAGE", description = "The package name, e.g. libreoffice.")
  private String packageName;

  @Option(names = "--release", paramLabel = "N@V", converter = ReleaseRef.Converter.class,
      description = "Compare against this release instead (N must be PACKAGE), e.g. libreoffice@7.6.4.")
  private ReleaseRef release;

  @Mixin
  private OutputOption output;

  ComplianceCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() {
    if (packageName.isBlank()) {
      throw new UsageException("PACKAGE: empty (expected: a package name such as libreoffice)");
    }
    GetComplianceRequest.Builder request = GetComplianceRequest.newBuilder().setPackage(packageName);
    if (release != null) {
      if (!release.name().equals(packageName)) {
        throw new UsageException("--release: " + release + " is a release of '" + release.name()
            + "', not of PACKAGE '" + packageName + "' (expected: " + packageName + "@VERSION)");
      }
      request.setReleaseVersion(release.version());
    }
    ComplianceReport report = context.admin().getCompliance(request.build());
    context.out().print(switch (output.format()) {
      case JSON -> Json.pretty(report) + "\n";
      case CSV -> ComplianceView.csv(report);
      case TABLE -> ComplianceView.render(report);
    });
    return ExitCodes.OK;
  }
}
