package dev.convoy.server.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final Instant MONDAY = Instant.parse("2027-03-22T12:00:00Z");

  static WindowSchedule daily(String cron, Duration duration) {
    return WindowSchedule.of("w", null, cron, duration, "UTC");
  }

  static Interval interval(String start, String end) {
    return new Interval(Instant.parse(start), Instant.parse(end));
  }

  @Test
  void anytime_noSchedules_alwaysOpen() {
    Windows anytime = Windows.of(List.of());

    assertThat(anytime).isSameAs(Windows.ANYTIME);
    assertThat(anytime.anytime()).isTrue();
    assertThat(anytime.contains(MONDAY, PARIS)).isTrue();
    assertThat(anytime.upcoming(MONDAY, PARIS, 5)).isEmpty();
    assertThat(anytime.nextStart(MONDAY, null)).contains(MONDAY);
    assertThat(anytime.describe()).isEqualTo("any time");
  }

  @Test
  void upcoming_overlappingAndTouchingAcrossSchedules_merged() {
    Windows windows = Windows.of(List.of(
        daily("0 0 * * *", Duration.ofHours(3)), // 00:00-03:00
        daily("0 2 * * *", Duration.ofHours(3)), // 02:00-05:00, overlaps
        daily("0 5 * * *", Duration.ofHours(1)), // 05:00-06:00, touches
        daily("0 12 * * *", Duration.ofHours(1)))); // 12:00-13:00, apart

    assertThat(windows.upcoming(Instant.parse("2027-03-23T00:00:00Z"), null, 3)).containsExactly(
        interval("2027-03-23T00:00:00Z", "2027-03-23T06:00:00Z"),
        interval("2027-03-23T12:00:00Z", "2027-03-23T13:00:00Z"),
        interval("2027-03-24T00:00:00Z", "2027-03-24T06:00:00Z"));
  }

  @Test
  void upcoming_severalSchedules_orderedAndLimited() {
    Windows windows = Windows.of(List.of(
        WindowSchedule.of("w", "FREQ=WEEKLY;BYDAY=SA;BYHOUR=0", null, Duration.ofHours(47).plusMinutes(59),
            "endpoint"),
        WindowSchedule.of("w", null, "0 22 * * WED", Duration.ofHours(4), "Europe/Paris")));

    List<Interval> upcoming = windows.upcoming(MONDAY, PARIS, 4);

    assertThat(upcoming).containsExactly(
        interval("2027-03-24T21:00:00Z", "2027-03-25T01:00:00Z"), // Wed 22:00 CET
        interval("2027-03-26T23:00:00Z", "2027-03-28T21:59:00Z"), // the DST weekend
        interval("2027-03-31T20:00:00Z", "2027-04-01T00:00:00Z"), // Wed 22:00 CEST
        interval("2027-04-02T22:00:00Z", "2027-04-04T21:59:00Z"));
    assertThat(windows.upcoming(MONDAY, PARIS, 2)).isEqualTo(upcoming.subList(0, 2));
  }

  @Test
  void upcoming_overlappingSchedules_longMergedChainKeptWhole() {
    // Each schedule alone has short windows; together they cover Saturday to Monday without a break.
    Windows windows = Windows.of(List.of(
        WindowSchedule.of("w", "FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=0,12", null, Duration.ofHours(6), "UTC"),
        WindowSchedule.of("w", "FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=6,18", null, Duration.ofHours(6), "UTC")));

    assertThat(windows.upcoming(MONDAY, null, 1))
        .containsExactly(interval("2027-03-27T00:00:00Z", "2027-03-29T00:00:00Z"));
  }

  @Test
  void contains_anyScheduleOpen_true() {
    Windows windows = Windows.of(List.of(daily("0 1 * * *", Duration.ofHours(1)),
        WindowSchedule.of("w", "FREQ=DAILY;BYHOUR=3", null, Duration.ofHours(1), "endpoint")));
    ZoneId kolkata = ZoneId.of("Asia/Kolkata");

    assertThat(windows.contains(Instant.parse("2027-03-23T01:30:00Z"), kolkata)).isTrue();
    assertThat(windows.contains(Instant.parse("2027-03-22T21:30:00Z"), kolkata)).as("03:00 in Kolkata").isTrue();
    assertThat(windows.contains(Instant.parse("2027-03-23T03:30:00Z"), kolkata)).isFalse();
    assertThat(windows.contains(Instant.parse("2027-03-23T03:30:00Z"), null)).as("03:00 UTC").isTrue();
  }

  @Test
  void nextStart_insideOrBefore_fromOrNextOpening() {
    Windows windows = Windows.of(List.of(WindowSchedule.of("w", "FREQ=WEEKLY;BYDAY=SA;BYHOUR=0;BYMINUTE=0", null,
        Duration.ofHours(47).plusMinutes(59), "endpoint")));
    Instant saturdayNoon = Instant.parse("2027-03-27T12:00:00Z");

    assertThat(windows.nextStart(MONDAY, PARIS)).contains(Instant.parse("2027-03-26T23:00:00Z"));
    assertThat(windows.nextStart(saturdayNoon, PARIS)).contains(saturdayNoon);
    assertThat(windows.nextStart(Instant.parse("2027-03-28T21:59:00Z"), PARIS))
        .as("the end instant is outside").contains(Instant.parse("2027-04-02T22:00:00Z"));
  }

  @Test
  void upcoming_negativeMax_refused() {
    Windows windows = Windows.of(List.of(daily("0 1 * * *", Duration.ofHours(1))));

    assertThatThrownBy(() -> windows.upcoming(MONDAY, null, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(windows.upcoming(MONDAY, null, 0)).isEmpty();
  }

  @Test
  void equalsAndDescribe_bySchedules() {
    Windows a = Windows.of(List.of(daily("0 1 * * *", Duration.ofHours(1))));
    Windows b = Windows.of(List.of(daily("0 1 * * *", Duration.ofHours(1))));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.describe()).isEqualTo("cron '0 1 * * *' for 1h in UTC");
  }
}
