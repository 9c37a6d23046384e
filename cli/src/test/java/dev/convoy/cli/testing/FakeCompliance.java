package dev.convoy.cli.testing;

import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.Campaign;
import dev.convoy.protocol.v1.CampaignState;
import dev.convoy.protocol.v1.ComplianceEntry;
import dev.convoy.protocol.v1.ComplianceReport;
import dev.convoy.protocol.v1.EndpointInventory;
import dev.convoy.protocol.v1.FactValue;
import dev.convoy.protocol.v1.GetComplianceRequest;
import dev.convoy.protocol.v1.VersionCount;
import dev.convoy.server.inventory.query.Path;
import dev.convoy.server.inventory.query.VersionComparator;
import io.grpc.Status;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The compliance half of {@link FakeAdminService}, computed as admin.proto describes it: the reference is the
 * requested version or the release of the package's most recent COMPLETED campaign; versions compare with the
 * server's {@link VersionComparator}; unmanaged means a source other than {@code convoy}. Thread-safe.
 */
final class FakeCompliance {
  private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+._-]*");

  private final FakeInventory inventory;
  private final Supplier<Collection<Campaign>> campaigns;

  FakeCompliance(FakeInventory inventory, Supplier<Collection<Campaign>> campaigns) {
    this.inventory = inventory;
    this.campaigns = campaigns;
  }

  ComplianceReport report(GetComplianceRequest request) {
    inventory.requests.add(request);
    String name = request.getPackage();
    if (!PACKAGE.matcher(name).matches()) {
      throw Status.INVALID_ARGUMENT.withDescription("package: '" + name + "' (expected: [a-z0-9][a-z0-9+._-]*)")
          .asRuntimeException();
    }
    ComplianceReport.Builder report = ComplianceReport.newBuilder().setPackage(name);
    reference(request).ifPresent(r -> report.setReferenceVersion(r[0]).setReferenceSource(r[1]));
    String reference = report.getReferenceVersion();
    Map<String, Integer> versions = new LinkedHashMap<>();
    for (EndpointInventory endpoint : inventory.sorted()) {
      report.setEndpointsTotal(report.getEndpointsTotal() + 1);
      FactValue version = inventory.fact(endpoint.getEndpointId(), Path.of("software", name, "version").toString());
      if (version == null) {
        continue;
      }
      FactValue source = inventory.fact(endpoint.getEndpointId(), Path.of("software", name, "source").toString());
      ComplianceEntry entry = ComplianceEntry.newBuilder().setEndpointId(endpoint.getEndpointId())
          .setHostname(endpoint.getHostname()).setVersion(version.getText())
          .setSource(source == null ? "" : source.getText()).build();
      report.setInstalled(report.getInstalled() + 1);
      versions.merge(entry.getVersion(), 1, Integer::sum);
      boolean behind = !reference.isEmpty() && VersionComparator.INSTANCE.compare(entry.getVersion(), reference) < 0;
      if (behind) {
        report.addBehind(entry);
      } else if (!reference.isEmpty()) {
        report.setCompliant(report.getCompliant() + 1);
      }
      if (!"convoy".equals(entry.getSource())) {
        report.addUnmanaged(entry);
      }
    }
    versions.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey(VersionComparator.INSTANCE.reversed())))
        .forEach(e -> report.addVersions(VersionCount.newBuilder().setVersion(e.getKey()).setEndpoints(e.getValue())));
    return report.build();
  }

  /** {version, source} of the reference, if there is one. */
  private Optional<String[]> reference(GetComplianceRequest request) {
    if (!request.getReleaseVersion().isEmpty()) {
      return Optional.of(new String[] {request.getReleaseVersion(), "requested"});
    }
    return campaigns.get().stream()
        .filter(c -> c.getState() == CampaignState.COMPLETED && c.getRelease().getName().equals(request.getPackage()))
        .max(Comparator.comparingLong(c -> c.getFinishedAt().getSeconds()))
        .map(c -> new String[] {c.getRelease().getVersion(),
            "campaign " + c.getCampaignId() + " (completed " + Times.iso(c.getFinishedAt()) + ")"});
  }
}
