package dev.convoy.cli.inventory;

import dev.convoy.cli.output.Csv;
import dev.convoy.cli.output.Table;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.EndpointInventory;
import dev.convoy.protocol.v1.Fact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code convoy inventory show}: the endpoint's facts grouped by their top-level key, one section each, in the
 * order people look for them (host, os, hardware ... facts; then any other key by name). Lists print on one line
 * ({@code ipv4  10.1.2.3, 10.1.2.4}); software is a table of packages.
 */
public final class InventoryView {
  static final List<String> SECTION_ORDER = List.of(
      "host", "os", "hardware", "filesystems", "network", "users", "software", "convoy", "agent", "facts");

  private InventoryView() {}

  /** The grouped view, ending with a newline. */
  public static String render(EndpointInventory inventory, Instant now) {
    StringBuilder text = new StringBuilder(header(inventory, now));
    if (inventory.getFactsCount() == 0) {
      return text.append("\nNo inventory reported yet.\n").toString();
    }
    for (Map.Entry<String, List<Fact>> section : sections(inventory.getFactsList()).entrySet()) {
      String top = section.getKey();
      text.append('\n').append(top.equals("software")
          ? SoftwareSection.render(section.getValue())
          : top + "\n" + KeyValues.render(section.getValue(), 1));
    }
    return text.toString();
  }

  /** {@code path,type,value}, one record per fact, values raw. */
  public static String csv(EndpointInventory inventory) {
    Csv csv = new Csv("path", "type", "value");
    for (Fact fact : inventory.getFactsList()) {
      csv.row(fact.getPath(), FactValues.type(fact.getValue()), FactValues.raw(fact.getValue()));
    }
    return csv.render();
  }

  private static String header(EndpointInventory inventory, Instant now) {
    String host = inventory.getHostname().isEmpty() ? "" : " (" + inventory.getHostname() + ")";
    Table table = Table.withoutHeader(2)
        .row("updated", Times.relativeAndIso(inventory.getUpdatedAt(), now))
        .row("facts", String.valueOf(inventory.getFactsCount()));
    if (!inventory.getInventorySha256().isEmpty()) {
      table.row("sha256", inventory.getInventorySha256());
    }
    if (!inventory.getInventoryDigest().isEmpty()) { // docs/inventory.md "Inventory digest"
      table.row("digest", inventory.getInventoryDigest());
    }
    return "Inventory of " + inventory.getEndpointId() + host + "\n" + table.render("  ");
  }

  /** Facts by top-level key, in {@link #SECTION_ORDER} then by name; each keeps the server's order. */
  static Map<String, List<Fact>> sections(List<Fact> facts) {
    Map<String, List<Fact>> known = new LinkedHashMap<>();
    SECTION_ORDER.forEach(top -> known.put(top, new ArrayList<>()));
    Map<String, List<Fact>> others = new TreeMap<>();
    for (Fact fact : facts) {
      String top = FactPath.of(fact.getPath()).top();
      (known.containsKey(top) ? known : others).computeIfAbsent(top, t -> new ArrayList<>()).add(fact);
    }
    known.values().removeIf(List::isEmpty);
    known.putAll(others);
    return known;
  }
}
