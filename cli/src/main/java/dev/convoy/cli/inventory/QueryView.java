package dev.convoy.cli.inventory;

import dev.convoy.cli.output.Csv;
import dev.convoy.cli.output.Table;
import dev.convoy.protocol.v1.Fact;
import dev.convoy.protocol.v1.FactValue;
import dev.convoy.protocol.v1.InventoryMatch;
import dev.convoy.protocol.v1.QueryInventoryResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@code convoy inventory query}: one row per matching endpoint (id, hostname, one column per {@code --field}),
 * then {@code N of M endpoints match}. A field's cell holds every fact the field reads (a list's elements, or
 * what a {@code [*]} spans), comma separated.
 */
public final class QueryView {
  private QueryView() {}

  /** The table and its count line, or a line saying nothing matched. */
  public static String render(QueryInventoryResponse response, List<String> fields) {
    if (response.getMatchesCount() == 0 && response.getTotal() == 0) {
      return "No endpoints match.\n";
    }
    List<String> header = new ArrayList<>(List.of("ENDPOINT", "HOSTNAME"));
    header.addAll(fields);
    Table table = new Table(header.toArray(String[]::new));
    for (InventoryMatch match : response.getMatchesList()) {
      table.row(cells(match, fields, FactValues::human).toArray(String[]::new));
    }
    return table.render() + summary(response) + "\n";
  }

  /** {@code endpoint_id,hostname,<fields>}, one record per match, values raw. */
  public static String csv(QueryInventoryResponse response, List<String> fields) {
    List<String> header = new ArrayList<>(List.of("endpoint_id", "hostname"));
    header.addAll(fields);
    Csv csv = new Csv(header);
    for (InventoryMatch match : response.getMatchesList()) {
      csv.row(cells(match, fields, (path, value) -> FactValues.raw(value)));
    }
    return csv.render();
  }

  /** {@code 2 of 2 endpoints match}, {@code 1000 of 1843 endpoints match (truncated)}. */
  public static String summary(QueryInventoryResponse response) {
    int total = Math.max(response.getTotal(), response.getMatchesCount());
    return response.getMatchesCount() + " of " + total + (total == 1 ? " endpoint matches" : " endpoints match")
        + (response.getTruncated() ? " (truncated)" : "");
  }

  private static List<String> cells(InventoryMatch match, List<String> fields,
      BiFunction<String, FactValue, String> text) {
    List<String> cells = new ArrayList<>(List.of(match.getEndpointId(), match.getHostname()));
    for (String field : fields) {
      FactPath wanted = FactPath.of(field);
      List<String> values = new ArrayList<>();
      for (Fact fact : match.getFactsList()) {
        if (fact.getPath().equals(field) || wanted.reads(FactPath.of(fact.getPath()))) {
          values.add(text.apply(fact.getPath(), fact.getValue()));
        }
      }
      cells.add(String.join(", ", values));
    }
    return cells;
  }
}
