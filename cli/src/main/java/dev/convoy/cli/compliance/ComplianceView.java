package dev.convoy.cli.compliance;

import dev.convoy.cli.output.Csv;
import dev.convoy.cli.output.ProgressBar;
import dev.convoy.cli.output.Table;
import dev.convoy.protocol.v1.ComplianceEntry;
import dev.convoy.protocol.v1.ComplianceReport;
import dev.convoy.protocol.v1.VersionCount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code convoy compliance}: the reference version and where it comes from, the totals, a histogram of the
 * versions installed (bars as in {@code campaign status}: {@code #} at or above the reference, {@code x} behind),
 * then the endpoints behind and those running a copy Convoy did not install.
 */
public final class ComplianceView {
  static final int BAR_WIDTH = 30;

  private ComplianceView() {}

  /** The full view, ending with a newline. */
  public static String render(ComplianceReport report) {
    Table summary = Table.withoutHeader(2).row("reference", reference(report));
    if (!report.getReferenceVersion().isEmpty() && !report.getReferenceSource().isEmpty()) {
      summary.row("from", report.getReferenceSource());
    }
    summary.row("endpoints", totals(report));
    StringBuilder text = new StringBuilder("Compliance of ").append(report.getPackage()).append('\n')
        .append(summary.render("  "));
    if (report.getInstalled() == 0 && report.getVersionsCount() == 0) {
      return text.append("\nNo endpoint has ").append(report.getPackage()).append(".\n").toString();
    }
    text.append("\nVersions\n").append(histogram(report));
    text.append(entries("Behind", report.getBehindList()));
    text.append(entries("Unmanaged, not installed by Convoy", report.getUnmanagedList()));
    if (!report.getReferenceVersion().isEmpty() && report.getBehindCount() == 0) {
      text.append("\nNo endpoint is behind ").append(report.getReferenceVersion()).append(".\n");
    }
    return text.toString();
  }

  /**
   * {@code endpoint_id,hostname,version,source,status}: one record per endpoint the report names, status
   * {@code behind} or {@code unmanaged}; an endpoint that is both is one {@code behind} record (its source shows
   * that Convoy did not install it). The report does not list compliant endpoints one by one, so none appear.
   */
  public static String csv(ComplianceReport report) {
    Map<String, String[]> rows = new LinkedHashMap<>();
    for (ComplianceEntry entry : report.getBehindList()) {
      rows.putIfAbsent(entry.getEndpointId(), record(entry, "behind"));
    }
    for (ComplianceEntry entry : report.getUnmanagedList()) {
      rows.putIfAbsent(entry.getEndpointId(), record(entry, "unmanaged"));
    }
    Csv csv = new Csv("endpoint_id", "hostname", "version", "source", "status");
    rows.values().forEach(csv::row);
    return csv.render();
  }

  static String reference(ComplianceReport report) {
    if (report.getReferenceVersion().isEmpty()) {
      return "none: no completed campaign of " + report.getPackage() + " (give one with --release "
          + report.getPackage() + "@VERSION)";
    }
    return report.getReferenceVersion();
  }

  /** {@code 4 installed, 2 compliant, 2 behind, 1 unmanaged of 5}. */
  static String totals(ComplianceReport report) {
    return report.getInstalled() + " installed, " + report.getCompliant() + " compliant, "
        + report.getBehindCount() + " behind, " + report.getUnmanagedCount() + " unmanaged of "
        + report.getEndpointsTotal() + (report.getEndpointsTotal() == 1 ? " endpoint" : " endpoints")
        + " with an inventory";
  }

  /** One line per version in server order: {@code 7.6.4  [######------]  2  40%}. */
  static String histogram(ComplianceReport report) {
    Set<String> behind = report.getBehindList().stream().map(ComplianceEntry::getVersion)
        .collect(Collectors.toSet());
    int most = report.getVersionsList().stream().mapToInt(VersionCount::getEndpoints).max().orElse(0);
    int total = Math.max(report.getEndpointsTotal(), most); // never let a server glitch break the display
    Table table = Table.withoutHeader(4);
    for (VersionCount version : report.getVersionsList()) {
      int count = Math.max(0, version.getEndpoints());
      boolean late = behind.contains(version.getVersion());
      table.row(version.getVersion(), ProgressBar.render(late ? 0 : count, late ? count : 0, total, BAR_WIDTH),
          String.valueOf(count), ProgressBar.percent(count, total) + "%");
    }
    return table.render("  ");
  }

  private static String entries(String title, List<ComplianceEntry> entries) {
    if (entries.isEmpty()) {
      return "";
    }
    Table table = new Table("ENDPOINT", "HOSTNAME", "VERSION", "SOURCE");
    entries.forEach(e -> table.row(e.getEndpointId(), e.getHostname(), e.getVersion(), e.getSource()));
    return "\n" + title + " (" + entries.size() + ")\n" + table.render("  ");
  }

  private static String[] record(ComplianceEntry entry, String status) {
    return new String[] {entry.getEndpointId(), entry.getHostname(), entry.getVersion(), entry.getSource(), status};
  }
}
