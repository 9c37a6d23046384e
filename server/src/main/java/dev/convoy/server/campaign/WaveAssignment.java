package dev.convoy.server.campaign;

import dev.convoy.server.campaign.plan.WaveSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Puts each target into one wave. Group waves take, in wave order, the targets in their groups that no earlier wave
 * took. The remaining targets are ordered by a stable hash of the endpoint id (SHA-256, so the same endpoint
 * always comes at the same place relative to the others, whatever the campaign) and percent waves take consecutive
 * slices of that order: wave i gets positions [round(c(i-1)·n/100), round(c(i)·n/100)) where c is the running sum
 * of percentages. A final "rest" wave (added by the plan when percentages leave some over) takes what is left.
 * Stateless.
 */
public final class WaveAssignment {
  private WaveAssignment() {}

  /**
   * @param targets endpoint ids, each once
   * @param inGroup whether an endpoint is in a group (static or dynamic)
   * @return per wave, its endpoint ids
   */
  public static List<List<String>> assign(List<WaveSpec> waves, List<String> targets,
      BiPredicate<String, String> inGroup) {
    List<List<String>> result = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (WaveSpec wave : waves) {
      List<String> members = new ArrayList<>();
      if (wave.byGroups()) {
        for (String endpoint : targets) {
          if (!taken.contains(endpoint) && wave.groups().stream().anyMatch(g -> inGroup.test(endpoint, g))) {
            members.add(endpoint);
          }
        }
        taken.addAll(members);
      }
      result.add(members);
    }
    // Each target's rank is hashed once, not in every comparison of the sort (n log n hashes for 10,000 targets).
    Map<String, String> ranks = new HashMap<>();
    targets.stream().filter(t -> !taken.contains(t)).forEach(t -> ranks.put(t, rank(t)));
    List<String> rest = ranks.keySet().stream()
        .sorted(Comparator.comparing((String t) -> ranks.get(t)).thenComparing(Comparator.naturalOrder())).toList();
    double cumulative = 0;
    int from = 0;
    for (int i = 0; i < waves.size(); i++) {
      WaveSpec wave = waves.get(i);
      if (wave.byGroups()) {
        continue;
      }
      boolean restWave = wave.percent() == 0;
      cumulative += wave.percent();
      int to = restWave ? rest.size() : (int) Math.min(rest.size(), Math.round(cumulative * rest.size() / 100.0));
      result.get(i).addAll(rest.subList(Math.min(from, to), to));
      from = Math.max(from, to);
    }
    return result.stream().map(List::copyOf).toList();
  }

  /** The endpoint's place in the stable order: the first 8 bytes of SHA-256(id), as an unsigned number. */
  static String rank(String endpointId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(endpointId.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
