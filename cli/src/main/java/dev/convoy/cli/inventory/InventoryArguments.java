package dev.convoy.cli.inventory;

import dev.convoy.cli.UsageException;
import java.util.List;

/** Checks of the arguments the inventory and group commands share; each failure names the argument. */
public final class InventoryArguments {
  private InventoryArguments() {}

  /**
   * The query text: exactly one argument, not blank. Several arguments usually mean the shell split a query
   * that was not quoted, so the message says to quote it.
   *
   * @param label how the command line names the query ({@code EXPR}, {@code --query})
   * @throws UsageException if there is not exactly one non-blank argument
   */
  public static String query(String label, List<String> words) {
    if (words.size() > 1) {
      throw new UsageException(label + ": " + words.size() + " arguments " + words
          + " (expected: one; quote the whole query, e.g. 'os.family = \"debian\"')");
    }
    if (words.isEmpty() || words.get(0).isBlank()) {
      throw new UsageException(label + ": empty (expected: an inventory query, e.g. 'os.family = \"debian\"')");
    }
    return words.get(0);
  }

  /**
   * The {@code --limit} to send: 0 (the server's default) when absent.
   *
   * @throws UsageException if given and below 1
   */
  public static int limit(Integer limit) {
    if (limit == null) {
      return 0;
    }
    if (limit < 1) {
      throw new UsageException("--limit: " + limit + " (expected: >= 1)");
    }
    return limit;
  }
}
