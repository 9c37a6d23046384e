package dev.convoy.cli.inventory;

import dev.convoy.cli.output.Table;
import dev.convoy.protocol.v1.Fact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The software section of {@code inventory show}: how many packages, then one row per package (name, version,
 * source, architecture) sorted by name. Facts that do not have the {@code software["NAME"].FIELD} shape follow
 * as key/value lines, so that nothing the agent sent is hidden.
 */
final class SoftwareSection {
  private static final Comparator<String> BY_NAME =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  private SoftwareSection() {}

  static String render(List<Fact> facts) {
    Map<String, Map<String, String>> packages = new TreeMap<>(BY_NAME);
    List<Fact> others = new ArrayList<>();
    for (Fact fact : facts) {
      List<FactPath.Segment> segments = FactPath.of(fact.getPath()).segments();
      if (segments.size() == 3 && segments.get(1) instanceof FactPath.Key name
          && segments.get(2) instanceof FactPath.Key field) {
        packages.computeIfAbsent(name.name(), n -> new TreeMap<>()).put(field.name(), FactValues.human(fact));
      } else {
        others.add(fact);
      }
    }
    StringBuilder text = new StringBuilder("software: ").append(packages.size())
        .append(packages.size() == 1 ? " package\n" : " packages\n");
    if (!packages.isEmpty()) {
      Table table = new Table("NAME", "VERSION", "SOURCE", "ARCH");
      packages.forEach((name, fields) -> table.row(name, fields.get("version"), fields.get("source"),
          fields.get("arch")));
      text.append(table.render("  "));
    }
    if (!others.isEmpty()) {
      text.append(KeyValues.render(others, 1));
    }
    return text.toString();
  }
}
