package dev.convoy.server.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowScheduleTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  static final String WEEKEND = "FREQ=WEEKLY;BYDAY=SA;BYHOUR=0;BYMINUTE=0";
  static final Duration WEEKEND_LENGTH = Duration.ofHours(47).plusMinutes(59);

  static WindowSchedule weekend(String zone) {
    return WindowSchedule.of("windows[0]", WEEKEND, null, WEEKEND_LENGTH, zone);
  }

  static Interval interval(String start, String end) {
    return new Interval(Instant.parse(start), Instant.parse(end));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // spring forward on Sunday 28 March 2027: Sat 00:00 CET (+01) .. Sun 23:59 CEST (+02), 46h59m elapsed
    "march, 2027-03-26T12:00:00Z, 2027-03-26T23:00:00Z, 2027-03-28T21:59:00Z",
    // fall back on Sunday 31 October 2027: Sat 00:00 CEST .. Sun 23:59 CET, 48h59m elapsed
    "october, 2027-10-29T12:00:00Z, 2027-10-29T22:00:00Z, 2027-10-31T22:59:00Z",
  })
  void upcoming_weekendAcrossDstChange_endsSundayAt2359LocalTime(String name, String friday, String start,
      String end) {
    WindowSchedule schedule = weekend("Europe/Paris");

    List<Interval> upcoming = schedule.upcoming(Instant.parse(friday), null, 1);

    assertThat(upcoming).containsExactly(interval(start, end));
    assertThat(upcoming.get(0).start().atZone(PARIS).toLocalDateTime()).hasToString(start.substring(0, 8)
        + (Integer.parseInt(start.substring(8, 10)) + 1) + "T00:00");
    assertThat(upcoming.get(0).end().atZone(PARIS).toLocalTime()).hasToString("23:59");
  }

  @ParameterizedTest(name = "{0} inside={1}")
  @CsvSource({
    "2027-03-26T22:59:59Z, false",
    "2027-03-26T23:00:00Z, true",
    "2027-03-28T00:59:59Z, true",
    "2027-03-28T01:00:00Z, true",
    "2027-03-28T21:58:59.999999999Z, true",
    "2027-03-28T21:59:00Z, false",
    "2027-10-29T21:59:59Z, false",
    "2027-10-29T22:00:00Z, true",
    "2027-10-31T00:30:00Z, true",
    "2027-10-31T01:30:00Z, true",
    "2027-10-31T22:58:59Z, true",
    "2027-10-31T22:59:00Z, false",
  })
  void contains_weekendEdges_startInclusiveEndExclusive(String at, boolean inside) {
    assertThat(weekend("Europe/Paris").contains(Instant.parse(at), KOLKATA)).isEqualTo(inside);
  }

  @Test
  void current_seenFromFridayAndSunday_emptyThenTheWeekend() {
    WindowSchedule schedule = weekend("Europe/Paris");
    Interval weekend = interval("2027-03-26T23:00:00Z", "2027-03-28T21:59:00Z");

    assertThat(schedule.current(Instant.parse("2027-03-26T18:00:00Z"), null)).isEmpty();
    assertThat(schedule.current(Instant.parse("2027-03-28T12:00:00Z"), null)).contains(weekend);
    assertThat(schedule.upcoming(Instant.parse("2027-03-28T12:00:00Z"), null, 2)).containsExactly(weekend,
        interval("2027-04-02T22:00:00Z", "2027-04-04T21:59:00Z"));
  }

  @Test
  void upcoming_dailyAcrossSpringForward_gapStartShiftsForward() {
    WindowSchedule schedule =
        WindowSchedule.of("w", "FREQ=DAILY;BYHOUR=2;BYMINUTE=30", null, Duration.ofHours(2), "Europe/Paris");

    assertThat(schedule.upcoming(Instant.parse("2027-03-26T12:00:00Z"), null, 3)).containsExactly(
        interval("2027-03-27T01:30:00Z", "2027-03-27T03:30:00Z"), // 02:30-04:30 CET
        interval("2027-03-28T01:30:00Z", "2027-03-28T02:30:00Z"), // 02:30 does not exist: 03:30-04:30 CEST
        interval("2027-03-29T00:30:00Z", "2027-03-29T02:30:00Z")); // 02:30-04:30 CEST
  }

  @Test
  void upcoming_dailyAcrossFallBack_overlapStartTakesEarlierOffset() {
    WindowSchedule schedule =
        WindowSchedule.of("w", "FREQ=DAILY;BYHOUR=2;BYMINUTE=30", null, Duration.ofHours(2), "Europe/Paris");

    assertThat(schedule.upcoming(Instant.parse("2027-10-29T12:00:00Z"), null, 3)).containsExactly(
        interval("2027-10-30T00:30:00Z", "2027-10-30T02:30:00Z"), // 02:30-04:30 CEST
        interval("2027-10-31T00:30:00Z", "2027-10-31T03:30:00Z"), // first 02:30 (CEST) - 04:30 CET: 3h elapsed
        interval("2027-11-01T01:30:00Z", "2027-11-01T03:30:00Z")); // 02:30-04:30 CET
  }

  @Test
  void upcoming_startInGapShorterThanGap_windowSkipped() {
    WindowSchedule schedule =
        WindowSchedule.of("w", null, "30 2 * * *", Duration.ofMinutes(30), "Europe/Paris");

    // 28 March: 02:30 shifts to 03:30 CEST but 02:30 + 30m = 03:00 local is 01:00Z, before it: no window.
    assertThat(schedule.upcoming(Instant.parse("2027-03-27T12:00:00Z"), null, 1))
        .containsExactly(interval("2027-03-29T00:30:00Z", "2027-03-29T01:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // second Sunday of March: Sat 00:00 EST (-5) .. Sun 23:59 EDT (-4)
    "America/New_York, 2027-03-12T12:00:00Z, 2027-03-13T05:00:00Z, 2027-03-15T03:59:00Z",
    // first Sunday of November: Sat 00:00 EDT .. Sun 23:59 EST
    "America/New_York, 2027-11-05T12:00:00Z, 2027-11-06T04:00:00Z, 2027-11-08T04:59:00Z",
    // +05:30 all year
    "Asia/Kolkata, 2027-03-26T12:00:00Z, 2027-03-26T18:30:00Z, 2027-03-28T18:29:00Z",
  })
  void upcoming_otherZones_weekendInLocalTime(String zone, String from, String start, String end) {
    assertThat(weekend(zone).upcoming(Instant.parse(from), PARIS, 1)).containsExactly(interval(start, end));
    assertThat(weekend("endpoint").upcoming(Instant.parse(from), ZoneId.of(zone), 1))
        .containsExactly(interval(start, end));
  }

  @Test
  void contains_endpointZone_evaluatedInEachEndpointsZone() {
    WindowSchedule perEndpoint = weekend("endpoint");
    Instant fridayEvening = Instant.parse("2027-03-26T20:00:00Z"); // Sat 01:30 in Kolkata, Fri 16:00 in New York

    assertThat(perEndpoint.perEndpointZone()).isTrue();
    assertThat(perEndpoint.fixedZone()).isEmpty();
    assertThat(perEndpoint.contains(fridayEvening, KOLKATA)).isTrue();
    assertThat(perEndpoint.contains(fridayEvening, NEW_YORK)).isFalse();
    assertThat(perEndpoint.contains(Instant.parse("2027-03-27T00:00:00Z"), null)).as("unknown zone: UTC").isTrue();
    assertThat(perEndpoint.contains(Instant.parse("2027-03-26T23:59:59Z"), null)).isFalse();
  }

  @Test
  void contains_fixedZone_ignoresEndpointZone() {
    WindowSchedule paris = weekend("Europe/Paris");
    Instant fridayEvening = Instant.parse("2027-03-26T20:00:00Z");

    assertThat(paris.perEndpointZone()).isFalse();
    assertThat(paris.fixedZone()).contains(PARIS);
    assertThat(paris.contains(fridayEvening, KOLKATA)).isFalse();
    assertThat(paris.contains(Instant.parse("2027-03-27T00:00:00Z"), NEW_YORK)).isTrue();
  }

  @Test
  void upcoming_monthlyOrdinals_firstSaturdayAndLastSunday() {
    WindowSchedule first = WindowSchedule.of("w", "FREQ=MONTHLY;BYDAY=1SA;BYHOUR=22", null, Duration.ofHours(4),
        "Asia/Kolkata");
    WindowSchedule last = WindowSchedule.of("w", "RRULE:FREQ=MONTHLY;BYDAY=-1SU;BYHOUR=3", null, Duration.ofHours(1),
        "UTC");
    Instant from = Instant.parse("2027-03-01T00:00:00Z");

    assertThat(first.upcoming(from, null, 2)).extracting(Interval::start).containsExactly(
        Instant.parse("2027-03-06T16:30:00Z"), Instant.parse("2027-04-03T16:30:00Z"));
    assertThat(last.upcoming(from, null, 2)).extracting(Interval::start).containsExactly(
        Instant.parse("2027-03-28T03:00:00Z"), Instant.parse("2027-04-25T03:00:00Z"));
  }

  @Test
  void upcoming_overlappingOccurrences_merged() {
    WindowSchedule saturdayAndSunday =
        WindowSchedule.of("w", "FREQ=WEEKLY;BYDAY=SA,SU", null, Duration.ofHours(24), "UTC");

    assertThat(saturdayAndSunday.upcoming(Instant.parse("2027-03-24T00:00:00Z"), null, 2)).containsExactly(
        interval("2027-03-27T00:00:00Z", "2027-03-29T00:00:00Z"),
        interval("2027-04-03T00:00:00Z", "2027-04-05T00:00:00Z"));
  }

  @Test
  void upcoming_maxAndOrder_respected() {
    WindowSchedule daily = WindowSchedule.of("w", null, "0 1 * * *", Duration.ofHours(1), "UTC");
    Instant from = Instant.parse("2027-01-01T01:30:00Z");

    List<Interval> upcoming = daily.upcoming(from, null, 5);

    assertThat(upcoming).hasSize(5).isSortedAccordingTo((a, b) -> a.start().compareTo(b.start()));
    assertThat(upcoming.get(0)).as("the current one first").isEqualTo(
        interval("2027-01-01T01:00:00Z", "2027-01-01T02:00:00Z"));
    assertThat(daily.upcoming(from, null, 0)).isEmpty();
    assertThat(daily.upcoming(from, null, 1000)).as("bounded by the look-ahead").hasSizeBetween(400, 402);
  }

  @Test
  void upcoming_everyMinute_continuesPastOneTimeline() {
    String everyMinute = "FREQ=DAILY;BYHOUR=" + range(24) + ";BYMINUTE=" + range(60);
    WindowSchedule schedule = WindowSchedule.of("w", everyMinute, null, Duration.ofSeconds(30), "UTC");
    Instant from = Instant.parse("2027-01-01T00:00:00Z");
    int count = Timeline.MAX_STARTS + 1000; // more than one timeline holds

    List<Interval> upcoming = schedule.upcoming(from, null, count);

    assertThat(upcoming).hasSize(count);
    List<Interval> unexpected = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant start = from.plusSeconds(60L * i);
      if (!upcoming.get(i).equals(new Interval(start, start.plusSeconds(30)))) {
        unexpected.add(upcoming.get(i));
      }
    }
    assertThat(unexpected).isEmpty();
  }

  static String range(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(Integer::toString)
        .collect(java.util.stream.Collectors.joining(","));
  }

  @Test
  void contains_instantsFarApart_timelineRebuiltCorrectly() {
    WindowSchedule schedule = weekend("Europe/Paris");

    assertThat(schedule.contains(Instant.parse("2027-03-27T12:00:00Z"), null)).isTrue();
    assertThat(schedule.contains(Instant.parse("2031-01-04T12:00:00Z"), null)).isTrue(); // a Saturday
    assertThat(schedule.contains(Instant.parse("2031-01-06T12:00:00Z"), null)).isFalse(); // a Monday
    assertThat(schedule.contains(Instant.parse("2027-03-29T12:00:00Z"), null)).isFalse();
    assertThat(schedule.contains(Instant.parse("2027-03-28T12:00:00Z"), null)).isTrue();
  }

  @Test
  void describe_namesRuleDurationAndZone() {
    assertThat(weekend("endpoint").describe())
        .isEqualTo("RRULE FREQ=WEEKLY;BYDAY=SA;BYHOUR=0;BYMINUTE=0 for 47h59m in each endpoint's zone");
    assertThat(WindowSchedule.of("w", null, " 0  0 * * SAT ", Duration.ofMinutes(90), "Europe/Paris").describe())
        .isEqualTo("cron '0 0 * * SAT' for 1h30m in Europe/Paris");
  }
}
