package dev.convoy.agent.inventory.packages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes package names unique when one package is installed for several architectures ({@code libc6} for amd64
 * and i386): the machine's main architecture (the most common one in the database, not counting
 * architecture-independent packages) keeps the plain name, the others become {@code name:arch}, as dpkg writes
 * them. Deterministic: the same database always gives the same names.
 */
final class MultiArch {
  private static final Set<String> INDEPENDENT = Set.of("all", "noarch", "");

  private MultiArch() {}

  static List<InstalledPackage> unique(List<InstalledPackage> packages) {
    String main = mainArch(packages);
    Map<String, List<InstalledPackage>> byName = new LinkedHashMap<>();
    packages.forEach(p -> byName.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(p));
    List<InstalledPackage> result = new ArrayList<>(packages.size());
    for (List<InstalledPackage> same : byName.values()) {
      if (same.size() == 1) {
        result.add(same.get(0));
        continue;
      }
      same.sort(Comparator.comparing((InstalledPackage p) -> !p.arch().equals(main) && !INDEPENDENT.contains(p.arch()))
          .thenComparing(InstalledPackage::arch).thenComparing(InstalledPackage::version));
      result.add(same.get(0));
      for (InstalledPackage other : same.subList(1, same.size())) {
        String qualified = other.name() + ":" + other.arch();
        if (!byName.containsKey(qualified) && result.stream().noneMatch(p -> p.name().equals(qualified))) {
          result.add(other.renamed(qualified));
        }
      }
    }
    return result;
  }

  private static String mainArch(List<InstalledPackage> packages) {
    Map<String, Integer> counts = new HashMap<>();
    packages.stream().map(InstalledPackage::arch).filter(a -> !INDEPENDENT.contains(a)).forEach(a -> counts.merge(a, 1, Integer::sum));
    return counts.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey).orElse("");
  }
}
