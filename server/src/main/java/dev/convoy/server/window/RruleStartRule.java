package dev.convoy.server.window;

import java.util.List;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;
import org.dmfs.rfc5545.recur.RecurrenceRule.RfcMode;
import org.dmfs.rfc5545.recur.RecurrenceRule.WeekdayNum;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * An RFC 5545 RRULE (the subset in package-info), evaluated by lib-recur in floating time from an implicit DTSTART
 * of 1970-01-01T00:00:00. Immutable after construction; lib-recur only reads the rule when making iterators.
 */
final class RruleStartRule implements StartRule {
  private static final DateTime DTSTART = new DateTime(DateTime.UTC, 1970, 0, 1, 0, 0, 0);
  static final String EXAMPLE = "an RRULE such as FREQ=WEEKLY;BYDAY=SA;BYHOUR=0;BYMINUTE=0";

  private final RecurrenceRule rule;
  private final String text;

  private RruleStartRule(RecurrenceRule rule, String text) {
    this.rule = rule;
    this.text = text;
  }

  /**
   * Parses and checks {@code value}.
   *
   * @throws dev.convoy.server.error.ConvoyException INVALID_ARGUMENT naming {@code field} when the rule is
   *     malformed, outside the subset, too dense, or never fires
   */
  static RruleStartRule parse(String field, String value) {
    String text = value.strip();
    if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
      text = text.substring(6).strip();
    }
    RecurrenceRule rule;
    try {
      rule = new RecurrenceRule(text, RfcMode.RFC5545_STRICT);
    } catch (InvalidRecurrenceRuleException | RuntimeException e) {
      throw StartRule.invalid(field, value, EXAMPLE);
    }
    check(field, value, rule);
    RruleStartRule parsed = new RruleStartRule(rule, text);
    if (parsed.startsFrom(0).next() == NONE) {
      throw StartRule.invalid(field, value, "a recurrence that fires");
    }
    return parsed;
  }

  private static void check(String field, String value, RecurrenceRule rule) {
    Freq freq = rule.getFreq();
    if (freq != Freq.DAILY && freq != Freq.WEEKLY && freq != Freq.MONTHLY) {
      throw StartRule.invalid(field, value, "FREQ=DAILY, WEEKLY or MONTHLY");
    }
    // Not a static constant: lib-recur's Part enum fails to initialise unless RecurrenceRule initialised first.
    List<Part> refused = List.of(Part.BYSETPOS, Part.BYWEEKNO, Part.BYYEARDAY, Part.RSCALE, Part.SKIP);
    if (rule.getCount() != null || rule.getUntil() != null || refused.stream().anyMatch(rule::hasPart)) {
      throw StartRule.invalid(field, value, "none of COUNT, UNTIL, BYSETPOS, BYWEEKNO, BYYEARDAY, RSCALE");
    }
    List<WeekdayNum> byDay = rule.getByDayPart();
    if (freq == Freq.WEEKLY && (byDay == null || byDay.isEmpty())) {
      throw StartRule.invalid(field, value, "BYDAY with FREQ=WEEKLY");
    }
    if (freq != Freq.MONTHLY && byDay != null && byDay.stream().anyMatch(d -> d.pos != 0)) {
      throw StartRule.invalid(field, value, "BYDAY ordinals such as 1SA or -1SU only with FREQ=MONTHLY");
    }
    long perDay = (long) count(rule, Part.BYHOUR) * count(rule, Part.BYMINUTE) * count(rule, Part.BYSECOND);
    if (perDay > MAX_STARTS_PER_DAY) {
      throw StartRule.invalid(field, value, "at most " + MAX_STARTS_PER_DAY + " start times a day");
    }
  }

  private static int count(RecurrenceRule rule, Part part) {
    List<Integer> values = rule.hasPart(part) ? rule.getByPart(part) : null;
    return values == null || values.isEmpty() ? 1 : values.size();
  }

  @Override
  public Starts startsFrom(long localSecond) {
    RecurrenceRuleIterator iterator;
    try {
      iterator = rule.iterator(DTSTART);
      iterator.fastForward(Math.max(0, localSecond) * 1000);
    } catch (IllegalArgumentException e) {
      return () -> NONE; // see next()
    }
    return () -> {
      try {
        return iterator.hasNext() ? Math.floorDiv(iterator.nextMillis(), 1000) : NONE;
      } catch (IllegalArgumentException e) {
        // lib-recur's sanity filter gives up after too many candidates in a row that the rule filters out.
        return NONE;
      }
    };
  }

  @Override
  public String text() {
    return text;
  }
}
