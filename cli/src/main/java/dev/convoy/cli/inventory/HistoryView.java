package dev.convoy.cli.inventory;

import dev.convoy.cli.output.Csv;
import dev.convoy.cli.output.Table;
import dev.convoy.cli.output.Times;
import dev.convoy.protocol.v1.FactValue;
import dev.convoy.protocol.v1.InventoryChange;
import dev.convoy.protocol.v1.InventoryHistory;

/** {@code convoy inventory history}: one row per change, newest first, as the server sends them. */
public final class HistoryView {
  static final String ARROW = " → ";
  static final String NONE = "(none)";

  private HistoryView() {}

  /**
   * The table and a count line.
   *
   * @param limit how many changes the server returns at most: a full page says that older ones may exist
   */
  public static String render(InventoryHistory history, int limit) {
    if (history.getChangesCount() == 0) {
      return "No inventory changes recorded for " + history.getEndpointId() + ".\n";
    }
    Table table = new Table("TIME", "KIND", "PATH", "CHANGE", "REASON");
    for (InventoryChange change : history.getChangesList()) {
      table.row(Times.iso(change.getAt()), kind(change), change.getPath(), change(change), change.getReason());
    }
    int count = history.getChangesCount();
    String more = count >= limit ? "; older ones may exist (use --limit or --since)" : "";
    return table.render() + count + (count == 1 ? " change" : " changes") + ", newest first" + more + "\n";
  }

  /** {@code at,kind,path,old,new,reason}, one record per change, values raw, unset values empty. */
  public static String csv(InventoryHistory history) {
    Csv csv = new Csv("at", "kind", "path", "old", "new", "reason");
    for (InventoryChange change : history.getChangesList()) {
      csv.row(Times.exact(change.getAt()), kind(change), change.getPath(), FactValues.raw(change.getOldValue()),
          FactValues.raw(change.getNewValue()), change.getReason());
    }
    return csv.render();
  }

  /** {@code 7.5.9 → 7.6.4}; {@code (none)} for the side that does not exist (added, removed). */
  static String change(InventoryChange change) {
    return side(change.getPath(), change.hasOldValue() ? change.getOldValue() : null) + ARROW
        + side(change.getPath(), change.hasNewValue() ? change.getNewValue() : null);
  }

  private static String side(String path, FactValue value) {
    return value == null || value.getKindCase() == FactValue.KindCase.KIND_NOT_SET
        ? NONE : FactValues.human(path, value);
  }

  private static String kind(InventoryChange change) {
    return switch (change.getKind()) {
      case ADDED, CHANGED, REMOVED -> change.getKind().name();
      case FACT_CHANGE_KIND_UNSPECIFIED -> "";
      case UNRECOGNIZED -> "UNKNOWN(" + change.getKindValue() + ")";
    };
  }
}
