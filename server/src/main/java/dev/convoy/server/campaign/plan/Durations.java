package dev.convoy.server.campaign.plan;

import java.time.Duration;

/** Durations in words for people ({@code 3d}, {@code 72h}, {@code 1h30m}). Stateless. */
public final class Durations {
  private Durations() {}

  public static String words(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long days = d.toDaysPart();
    if (days > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
      return days + "d";
    }
    long hours = d.toHours();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (d.toMinutesPart() > 0) {
      out.append(d.toMinutesPart()).append('m');
    }
    if (d.toSecondsPart() > 0) {
      out.append(d.toSecondsPart()).append('s');
    }
    return out.isEmpty() ? d.toMillis() + "ms" : out.toString();
  }
}
