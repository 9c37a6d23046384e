package dev.convoy.cli.campaign.options;

import com.google.protobuf.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Instants as the campaign options take them ({@code --start-at}, {@code --deadline}): ISO-8601 with an offset or
 * {@code Z} ({@code 2027-03-27T00:00:00+01:00}), or a local date-time ({@code 2027-03-27T00:00}) or date
 * ({@code 2027-03-27}, midnight) read in the {@code --zone} given. A local time that does not exist in that zone
 * (skipped by a DST change) or exists twice (repeated by one) is refused: give an offset. Stateless.
 */
public final class InstantText {
  static final String EXPECTED = "expected: an ISO-8601 instant with offset or Z, e.g. 2027-03-27T00:00:00+01:00,"
      + " or a local date-time such as 2027-03-27T00:00 with --zone ZONE";

  private InstantText() {}

  /**
   * Parses {@code text}; {@code zone} reads local date-times (an explicit offset wins over it).
   *
   * @throws IllegalArgumentException naming the text and the expected forms
   */
  public static Instant parse(String text, Optional<ZoneId> zone) {
    String value = text == null ? "" : text.trim();
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notOffset) {
      LocalDateTime local = local(text, value);
      ZoneId in = zone.orElseThrow(() -> new IllegalArgumentException("'" + text
          + "' has no offset and no --zone was given (" + EXPECTED + ")"));
      List<ZoneOffset> offsets = in.getRules().getValidOffsets(local);
      if (offsets.size() != 1) {
        throw new IllegalArgumentException("'" + text + "' " + (offsets.isEmpty() ? "does not exist" : "is ambiguous")
            + " in " + in + " because of a daylight saving change (expected: an instant with an explicit offset)");
      }
      return local.toInstant(offsets.get(0));
    }
  }

  /**
   * An IANA zone id such as {@code Europe/Paris}, or {@code UTC}.
   *
   * @throws IllegalArgumentException naming the text and the expected form
   */
  public static ZoneId zone(String text) {
    try {
      return ZoneId.of(text == null ? "" : text.trim());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + text + "' (expected: an IANA zone id such as Europe/Paris, or UTC)",
          e);
    }
  }

  /** The protobuf form. */
  public static Timestamp toProto(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  private static LocalDateTime local(String text, String value) {
    try {
      return LocalDateTime.parse(value);
    } catch (DateTimeParseException notLocal) {
      try {
        return LocalDate.parse(value).atStartOfDay();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' (" + EXPECTED + ")", e);
      }
    }
  }
}
