package dev.convoy.server.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.error.ErrorCode;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WindowScheduleValidationTest {
  static final String WEEKEND = "FREQ=WEEKLY;BYDAY=SA;BYHOUR=0;BYMINUTE=0";
  static final Duration HOUR = Duration.ofHours(1);

  static Stream<Arguments> invalid() {
    String rrule = "windows[0].rrule: ";
    String cron = "windows[1].cron: ";
    return Stream.of(
        bad(null, null, HOUR, "endpoint",
            "windows[0]: neither rrule nor cron (expected: exactly one of rrule, cron)"),
        bad(" ", "", HOUR, "endpoint", "windows[0]: neither rrule nor cron (expected: exactly one of rrule, cron)"),
        bad(WEEKEND, "0 0 * * SAT", HOUR, "endpoint",
            "windows[0]: both rrule and cron (expected: exactly one of rrule, cron)"),
        bad(WEEKEND, null, Duration.ZERO, "endpoint", "windows[0].duration: PT0S (expected: > 0)"),
        bad(WEEKEND, null, Duration.ofMinutes(-5), "endpoint", "windows[0].duration: PT-5M (expected: > 0)"),
        bad(WEEKEND, null, null, "endpoint", "windows[0].duration: missing (expected: > 0)"),
        bad(WEEKEND, null, Duration.ofMillis(1500), "endpoint",
            "windows[0].duration: PT1.5S (expected: whole seconds)"),
        bad(WEEKEND, null, Duration.ofDays(31).plusSeconds(1), "endpoint",
            "windows[0].duration: PT744H1S (expected: at most 31 days)"),
        bad(WEEKEND, null, HOUR, "Mars/Olympus",
            "windows[0].zone: Mars/Olympus (expected: an IANA time zone id or \"endpoint\")"),
        bad(WEEKEND, null, HOUR, "+02:00",
            "windows[0].zone: +02:00 (expected: an IANA time zone id or \"endpoint\")"),
        bad("every saturday", null, HOUR, "endpoint",
            rrule + "every saturday (expected: " + RruleStartRule.EXAMPLE + ")"),
        bad("FREQ=WEEKLY;BYDAY=XX", null, HOUR, "endpoint",
            rrule + "FREQ=WEEKLY;BYDAY=XX (expected: " + RruleStartRule.EXAMPLE + ")"),
        bad("FREQ=DAILY;BYHOUR=24", null, HOUR, "endpoint",
            rrule + "FREQ=DAILY;BYHOUR=24 (expected: " + RruleStartRule.EXAMPLE + ")"),
        bad("FREQ=YEARLY;BYMONTH=1", null, HOUR, "endpoint",
            rrule + "FREQ=YEARLY;BYMONTH=1 (expected: FREQ=DAILY, WEEKLY or MONTHLY)"),
        bad("FREQ=HOURLY", null, HOUR, "endpoint", rrule + "FREQ=HOURLY (expected: FREQ=DAILY, WEEKLY or MONTHLY)"),
        bad("FREQ=DAILY;COUNT=3", null, HOUR, "endpoint",
            rrule + "FREQ=DAILY;COUNT=3 (expected: none of COUNT, UNTIL, BYSETPOS, BYWEEKNO, BYYEARDAY, RSCALE)"),
        bad("FREQ=DAILY;UNTIL=20271231T000000Z", null, HOUR, "endpoint", rrule
            + "FREQ=DAILY;UNTIL=20271231T000000Z (expected: none of COUNT, UNTIL, BYSETPOS, BYWEEKNO, BYYEARDAY, RSCALE)"),
        bad("FREQ=MONTHLY;BYDAY=SA;BYSETPOS=1", null, HOUR, "endpoint", rrule
            + "FREQ=MONTHLY;BYDAY=SA;BYSETPOS=1 (expected: none of COUNT, UNTIL, BYSETPOS, BYWEEKNO, BYYEARDAY, RSCALE)"),
        bad("FREQ=WEEKLY;BYHOUR=2", null, HOUR, "endpoint",
            rrule + "FREQ=WEEKLY;BYHOUR=2 (expected: BYDAY with FREQ=WEEKLY)"),
        bad("FREQ=WEEKLY;BYDAY=1SA", null, HOUR, "endpoint",
            rrule + "FREQ=WEEKLY;BYDAY=1SA (expected: " + RruleStartRule.EXAMPLE + ")"),
        bad("FREQ=DAILY;BYMINUTE=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30;"
            + "BYSECOND=0,30;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23", null, HOUR,
            "endpoint", rrule + "FREQ=DAILY;BYMINUTE=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,2..."
            + " (expected: at most 1440 start times a day)"),
        bad("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30", null, HOUR, "endpoint",
            rrule + "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30 (expected: a recurrence that fires)"),
        bad(null, "0 0 * *", HOUR, "endpoint", cron + "0 0 * * (expected: " + CronStartRule.EXAMPLE + ")"),
        bad(null, "0 0 0 * * SAT", HOUR, "endpoint", cron + "0 0 0 * * SAT (expected: " + CronStartRule.EXAMPLE + ")"),
        bad(null, "61 0 * * *", HOUR, "endpoint", cron + "61 0 * * * (expected: " + CronStartRule.EXAMPLE + ")"),
        bad(null, "0 0 * * FUNDAY", HOUR, "endpoint",
            cron + "0 0 * * FUNDAY (expected: " + CronStartRule.EXAMPLE + ")"),
        bad(null, "0 0 30 2 *", HOUR, "endpoint", cron + "0 0 30 2 * (expected: a cron expression that fires)"));
  }

  static Arguments bad(String rrule, String cron, Duration duration, String zone, String message) {
    return Arguments.of(rrule, cron, duration, zone, message);
  }

  @ParameterizedTest(name = "{4}")
  @MethodSource("invalid")
  void of_invalidField_invalidArgumentNamingTheField(String rrule, String cron, Duration duration, String zone,
      String message) {
    String field = cron != null && rrule == null ? "windows[1]" : "windows[0]";

    assertThatThrownBy(() -> WindowSchedule.of(field, rrule, cron, duration, zone))
        .isInstanceOfSatisfying(ConvoyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessage(message);
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(WEEKEND, null, "endpoint"),
        Arguments.of("RRULE:FREQ=MONTHLY;BYDAY=-1SU;BYHOUR=2", null, ""),
        Arguments.of("FREQ=DAILY;INTERVAL=2;BYMONTH=6,7,8;BYHOUR=3;BYMINUTE=15;BYSECOND=30", null, null),
        Arguments.of("FREQ=MONTHLY;BYMONTHDAY=1,-1;BYHOUR=0;WKST=SU", null, "UTC"),
        Arguments.of("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=29", null, "Europe/Paris"),
        Arguments.of(null, "0 22 * * MON-FRI", "America/New_York"),
        Arguments.of(null, "*/15 8-17 1,15 JAN-MAR 0,7", "Asia/Kolkata"),
        Arguments.of(null, "0 0 29 2 *", "Etc/UTC"));
  }

  @ParameterizedTest(name = "{0}{1} in {2}")
  @MethodSource("valid")
  void of_validRule_accepted(String rrule, String cron, String zone) {
    WindowSchedule schedule = WindowSchedule.of("w", rrule, cron, Duration.ofDays(31), zone);

    assertThat(schedule.perEndpointZone()).isEqualTo(zone == null || zone.isEmpty() || zone.equals("endpoint"));
    assertThat(schedule.rrule().isPresent()).isEqualTo(rrule != null);
    assertThat(schedule.cron().isPresent()).isEqualTo(cron != null);
  }
}
