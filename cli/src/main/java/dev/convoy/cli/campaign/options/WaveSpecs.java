package dev.convoy.cli.campaign.options;

import dev.convoy.protocol.v1.WaveSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The {@code --wave} syntax: comma-separated items, in any order:
 * {@code name=N}, {@code groups=G1+G2} (the wave is these groups' targets) or {@code percent=P} (P % of the targets
 * no group wave took), {@code success=T}, {@code error=T} ({@link Thresholds}: {@code 90%} or a count),
 * {@code min-sample=N}, {@code soak=D} ({@link HumanDuration}) and the flag {@code go} (widening waits for
 * {@code convoy campaign advance}). Exactly one of {@code groups} and {@code percent}. Groups are joined with
 * {@code +} because the comma separates items. Stateless.
 */
public final class WaveSpecs implements CommandLine.ITypeConverter<WaveSpec> {
  static final String EXPECTED = "expected: groups=G1+G2 or percent=P, then optionally name=N, success=90%, "
      + "error=2, min-sample=N, soak=D, go; e.g. name=pilot,groups=site-a+site-b,success=90%,soak=2h,go";
  private static final Set<String> KEYS = Set.of("name", "groups", "percent", "success", "error", "min-sample", "soak");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern PERCENT = Pattern.compile("\\d{1,3}(\\.\\d{1,3})?%?");

  /**
   * Parses one {@code --wave} value.
   *
   * @throws IllegalArgumentException naming what is wrong and the expected form
   */
  public static WaveSpec parse(String text) {
    Map<String, String> items = SpecItems.split(text, KEYS, Set.of("go"), EXPECTED);
    if (items.containsKey("groups") == items.containsKey("percent")) {
      throw new IllegalArgumentException("'" + text + "': give exactly one of groups= and percent= (" + EXPECTED
          + ")");
    }
    WaveSpec.Builder wave = WaveSpec.newBuilder().setRequireGo(items.containsKey("go"));
    for (Map.Entry<String, String> item : items.entrySet()) {
      try {
        apply(wave, item.getKey(), item.getValue());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(item.getKey() + ": " + e.getMessage() + " in '" + text + "'", e);
      }
    }
    return wave.build();
  }

  /** The inverse of {@link #parse}, unset items left out: {@code name=pilot,groups=a+b,success=90%,go}. */
  public static String format(WaveSpec wave) {
    List<String> items = new ArrayList<>();
    if (!wave.getName().isEmpty()) {
      items.add("name=" + wave.getName());
    }
    items.add(wave.getGroupsCount() > 0 ? "groups=" + String.join("+", wave.getGroupsList())
        : "percent=" + BigDecimal.valueOf(wave.getPercent()).stripTrailingZeros().toPlainString());
    if (wave.hasSuccess()) {
      items.add("success=" + Thresholds.format(wave.getSuccess()));
    }
    if (wave.hasError()) {
      items.add("error=" + Thresholds.format(wave.getError()));
    }
    if (wave.getMinSample() > 0) {
      items.add("min-sample=" + wave.getMinSample());
    }
    if (wave.hasSoak()) {
      items.add("soak=" + HumanDuration.format(wave.getSoak()));
    }
    if (wave.getRequireGo()) {
      items.add("go");
    }
    return String.join(",", items);
  }

  @Override
  public WaveSpec convert(String value) {
    try {
      return parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }

  private static void apply(WaveSpec.Builder wave, String key, String value) {
    switch (key) {
      case "name" -> wave.setName(matching(NAME, value, "a name of letters, digits, '.', '_', '-', e.g. pilot"));
      case "groups" -> wave.addAllGroups(groups(value));
      case "percent" -> wave.setPercent(percent(value));
      case "success" -> wave.setSuccess(Thresholds.parse(value));
      case "error" -> wave.setError(Thresholds.parse(value));
      case "min-sample" -> wave.setMinSample(Integer.parseInt(
          matching(Pattern.compile("[1-9]\\d{0,8}"), value, "a whole number >= 1")));
      case "soak" -> wave.setSoak(HumanDuration.toProto(HumanDuration.parse(value)));
      default -> { } // "go": set above
    }
  }

  private static List<String> groups(String value) {
    List<String> groups = Arrays.stream(value.split("\\+", -1)).map(String::trim).toList();
    for (String group : groups) {
      matching(NAME, group, "group names joined with '+', e.g. site-a+site-b");
    }
    return groups;
  }

  private static double percent(String value) {
    if (PERCENT.matcher(value).matches()) {
      double percent = Double.parseDouble(value.replace("%", ""));
      if (percent > 0 && percent <= 100) {
        return percent;
      }
    }
    throw new IllegalArgumentException("'" + value + "' (expected: a percentage above 0 and at most 100, e.g. 25)");
  }

  private static String matching(Pattern pattern, String value, String expected) {
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("'" + value + "' (expected: " + expected + ")");
    }
    return value;
  }
}
