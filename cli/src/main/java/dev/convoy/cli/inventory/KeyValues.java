package dev.convoy.cli.inventory;

import dev.convoy.cli.output.Table;
import dev.convoy.protocol.v1.Fact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Facts as aligned {@code key value} lines, keys without their first segments ({@code cpu.model} under
 * {@code hardware}). The elements of a list share one line, in list order: {@code logged_in  marc, zoe}.
 */
final class KeyValues {
  private KeyValues() {}

  /** The lines, indented by two spaces; {@code skip} leading segments are left out of each key. */
  static String render(List<Fact> facts, int skip) {
    Table table = Table.withoutHeader(2);
    lines(facts, skip).forEach(table::row);
    return table.render("  ");
  }

  /** Key to the values on its line, in the order of each key's first fact. */
  static Map<String, String> lines(List<Fact> facts, int skip) {
    Map<String, TreeMap<Integer, String>> lists = new LinkedHashMap<>();
    Map<String, String> lines = new LinkedHashMap<>();
    for (Fact fact : facts) {
      FactPath path = FactPath.of(fact.getPath());
      List<FactPath.Segment> segments = path.segments();
      int last = segments.size() - 1;
      String value = FactValues.human(fact);
      if (segments.get(last) instanceof FactPath.Index index && last > 0) {
        String key = key(new FactPath(segments.subList(0, last)), skip);
        lines.putIfAbsent(key, "");
        lists.computeIfAbsent(key, k -> new TreeMap<>()).put(index.index(), value);
      } else {
        lines.put(key(path, skip), value);
      }
    }
    lists.forEach((key, values) -> lines.put(key, String.join(", ", new ArrayList<>(values.values()))));
    return lines;
  }

  /** The path without its first {@code skip} segments; the whole path when nothing would be left. */
  private static String key(FactPath path, int skip) {
    return path.segments().size() > skip ? path.tail(skip) : path.toString();
  }
}
