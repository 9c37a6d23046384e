package dev.convoy.server.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The same start times written as an RRULE and as cron give the same intervals, DST changes included. */
class EquivalentRulesTest {
  @ParameterizedTest(name = "{0} = {1} in {3}")
  @CsvSource(delimiter = '|', value = {
    "FREQ=WEEKLY;BYDAY=SA;BYHOUR=0;BYMINUTE=0 | 0 0 * * SAT | PT47H59M | Europe/Paris",
    "FREQ=DAILY;BYHOUR=2;BYMINUTE=30 | 30 2 * * * | PT2H | Europe/Paris",
    "FREQ=DAILY;BYHOUR=2;BYMINUTE=30 | 30 2 * * * | PT30M | America/New_York",
    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=22;BYMINUTE=0 | 0 22 * * MON-FRI | PT6H | America/New_York",
    "FREQ=DAILY;BYHOUR=0,6,12,18;BYMINUTE=15 | 15 */6 * * * | PT1H | Asia/Kolkata",
    "FREQ=MONTHLY;BYMONTHDAY=1,15;BYHOUR=3;BYMINUTE=0 | 0 3 1,15 * * | PT3H | Europe/Paris",
    "FREQ=WEEKLY;BYDAY=SU;BYMONTH=3,10,11;BYHOUR=1;BYMINUTE=30 | 30 1 * MAR,OCT-NOV SUN | PT90M | Europe/Paris",
  })
  void upcoming_rruleAndCron_sameIntervals(String rrule, String cron, String duration, String zone) {
    Duration length = Duration.parse(duration);
    WindowSchedule byRrule = WindowSchedule.of("w", rrule, null, length, zone);
    WindowSchedule byCron = WindowSchedule.of("w", null, cron, length, zone);
    Instant from = Instant.parse("2027-03-01T00:00:00Z");

    List<Interval> expected = byRrule.upcoming(from, null, 200);

    assertThat(expected).hasSizeGreaterThan(10);
    assertThat(byCron.upcoming(from, null, 200)).isEqualTo(expected);
    assertThat(byCron.upcoming(from, ZoneId.of("UTC"), 200)).as("a fixed zone ignores the endpoint's").isEqualTo(expected);
  }
}
