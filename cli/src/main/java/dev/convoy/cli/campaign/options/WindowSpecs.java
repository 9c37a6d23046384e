package dev.convoy.cli.campaign.options;

import dev.convoy.protocol.v1.MaintenanceWindow;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The {@code --window} syntax: {@code (rrule=RULE | cron=EXPR),duration=D[,zone=ZONE]}. RULE is an RFC 5545
 * recurrence ({@code FREQ=WEEKLY;BYDAY=SA;BYHOUR=0;BYMINUTE=0}), EXPR a 5-field cron expression
 * ({@code 0 0 * * SAT}); both may hold commas ({@link SpecItems} explains why that is unambiguous). D is a
 * {@link HumanDuration} above zero; ZONE an IANA zone id or {@code endpoint} (the default: each endpoint's own
 * zone). Only the form is checked here; the server evaluates the recurrence. Stateless.
 */
public final class WindowSpecs implements CommandLine.ITypeConverter<MaintenanceWindow> {
  static final String EXPECTED = "expected: rrule=RULE|cron=EXPR,duration=D[,zone=ZONE|endpoint], e.g. "
      + "rrule=FREQ=WEEKLY;BYDAY=SA;BYHOUR=0,duration=47h59m,zone=endpoint";
  /** The zone that means "each endpoint's own". */
  public static final String ENDPOINT_ZONE = "endpoint";
  private static final Set<String> FREQUENCIES =
      Set.of("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY");
  private static final Set<String> RULE_PARTS = Set.of("FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE",
      "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST");
  private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z*?/,#-]+");

  /**
   * Parses one {@code --window} value.
   *
   * @throws IllegalArgumentException naming what is wrong and the expected form
   */
  public static MaintenanceWindow parse(String text) {
    Map<String, String> items = SpecItems.split(text, Set.of("rrule", "cron", "duration", "zone"), Set.of(), EXPECTED);
    if (items.containsKey("rrule") == items.containsKey("cron")) {
      throw new IllegalArgumentException("'" + text + "': give exactly one of rrule= and cron= (" + EXPECTED + ")");
    }
    if (!items.containsKey("duration")) {
      throw new IllegalArgumentException("'" + text + "': duration= is missing (" + EXPECTED + ")");
    }
    MaintenanceWindow.Builder window = MaintenanceWindow.newBuilder();
    if (items.containsKey("rrule")) {
      window.setRrule(rrule(items.get("rrule")));
    } else {
      window.setCron(cron(items.get("cron")));
    }
    Duration duration;
    try {
      duration = HumanDuration.parsePositive(items.get("duration"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("duration: " + e.getMessage(), e);
    }
    return window.setDuration(HumanDuration.toProto(duration)).setZone(zone(items.get("zone"))).build();
  }

  /** The inverse of {@link #parse}: {@code rrule=...,duration=47h59m,zone=endpoint}. */
  public static String format(MaintenanceWindow window) {
    String start = window.getRrule().isEmpty() ? "cron=" + window.getCron() : "rrule=" + window.getRrule();
    String zone = window.getZone().isEmpty() ? ENDPOINT_ZONE : window.getZone();
    return start + ",duration=" + HumanDuration.format(window.getDuration()) + ",zone=" + zone;
  }

  @Override
  public MaintenanceWindow convert(String value) {
    try {
      return parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }

  private static String rrule(String text) {
    String rule = text.regionMatches(true, 0, "RRULE:", 0, 6) ? text.substring(6) : text;
    boolean frequency = false;
    for (String part : rule.split(";", -1)) {
      int equals = part.indexOf('=');
      String name = equals < 0 ? part : part.substring(0, equals).toUpperCase(Locale.ROOT);
      if (equals <= 0 || equals == part.length() - 1 || !RULE_PARTS.contains(name)) {
        throw new IllegalArgumentException("rrule: '" + part + "' in '" + text + "' (expected: NAME=VALUE parts "
            + "separated by ';', NAME one of FREQ, BYDAY, BYHOUR, BYMINUTE, ..., e.g. FREQ=WEEKLY;BYDAY=SA;BYHOUR=0)");
      }
      if (name.equals("FREQ")) {
        frequency = true;
        if (!FREQUENCIES.contains(part.substring(equals + 1).toUpperCase(Locale.ROOT))) {
          throw new IllegalArgumentException("rrule: '" + part + "' (expected: FREQ=DAILY, WEEKLY, MONTHLY, ...)");
        }
      }
    }
    if (!frequency) {
      throw new IllegalArgumentException("rrule: '" + text + "' has no FREQ (expected: e.g. FREQ=WEEKLY;BYDAY=SA)");
    }
    return rule;
  }

  private static String cron(String text) {
    String[] fields = text.trim().split("\\s+");
    if (fields.length != 5 || !java.util.Arrays.stream(fields).allMatch(f -> CRON_FIELD.matcher(f).matches())) {
      throw new IllegalArgumentException("cron: '" + text + "' (expected: 5 fields minute hour day-of-month month "
          + "day-of-week, e.g. '0 0 * * SAT')");
    }
    return String.join(" ", fields);
  }

  private static String zone(String text) {
    if (text == null || text.equals(ENDPOINT_ZONE)) {
      return ENDPOINT_ZONE;
    }
    try {
      return InstantText.zone(text).getId();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("zone: '" + text + "' (expected: endpoint, or an IANA zone id such as "
          + "Europe/Paris)", e);
    }
  }
}
