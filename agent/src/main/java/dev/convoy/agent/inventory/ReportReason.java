package dev.convoy.agent.inventory;

/** Why an inventory report is sent ({@code InventoryReport.reason} on the wire). */
public enum ReportReason {
  /** After a successful connect: full on the first one of the process, else a delta. */
  CONNECT("connect"),
  /** The periodic report ({@code inventory_interval}). */
  SCHEDULE("schedule"),
  /** A deployment installed a release. */
  INSTALL("install"),
  /** A deployment uninstalled a release. */
  UNINSTALL("uninstall"),
  /** The server's {@code InventoryRequest} hint: always full. */
  SERVER_REQUEST("server-request"),
  /** The server could not apply the previous report ({@code full_report_required}): always full. */
  RESYNC("resync");

  private final String wireName;

  ReportReason(String wireName) {
    this.wireName = wireName;
  }

  /** The text sent on the wire, e.g. {@code server-request}. */
  public String wireName() {
    return wireName;
  }

  /** Whether this reason always sends the whole inventory. */
  public boolean demandsFull() {
    return this == SERVER_REQUEST || this == RESYNC;
  }
}
