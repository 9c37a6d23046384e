package dev.convoy.cli.campaign.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstantTextTest {
  private static final Optional<ZoneId> PARIS = Optional.of(ZoneId.of("Europe/Paris"));

  @Test
  void parse_offsetOrZ_instantWhateverTheZone() {
    assertThat(InstantText.parse("2027-03-27T00:00:00+01:00", Optional.empty()))
        .isEqualTo(Instant.parse("2027-03-26T23:00:00Z"));
    assertThat(InstantText.parse("2027-03-27T00:00:00Z", PARIS)).isEqualTo(Instant.parse("2027-03-27T00:00:00Z"));
  }

  @Test
  void parse_localDateTimeWithZone_readInThatZone() {
    assertThat(InstantText.parse("2027-07-03T00:00", PARIS)).isEqualTo(Instant.parse("2027-07-02T22:00:00Z"));
    assertThat(InstantText.parse("2027-01-09T00:00:00", PARIS)).isEqualTo(Instant.parse("2027-01-08T23:00:00Z"));
  }

  @Test
  void parse_dateWithZone_midnightThere() {
    assertThat(InstantText.parse("2027-01-09", PARIS)).isEqualTo(Instant.parse("2027-01-08T23:00:00Z"));
  }

  @Test
  void parse_localWithoutZone_saysAddOffsetOrZone() {
    assertThatThrownBy(() -> InstantText.parse("2027-03-27T00:00", Optional.empty()))
        .hasMessage("'2027-03-27T00:00' has no offset and no --zone was given (" + InstantText.EXPECTED + ")");
  }

  @Test
  void parse_localTimeSkippedByDst_refused() {
    assertThatThrownBy(() -> InstantText.parse("2027-03-28T02:30", PARIS))
        .hasMessage("'2027-03-28T02:30' does not exist in Europe/Paris because of a daylight saving change"
            + " (expected: an instant with an explicit offset)");
  }

  @Test
  void parse_localTimeRepeatedByDst_refusedAsAmbiguous() {
    assertThatThrownBy(() -> InstantText.parse("2027-10-31T02:30", PARIS))
        .hasMessageStartingWith("'2027-10-31T02:30' is ambiguous in Europe/Paris");
  }

  @Test
  void parse_garbage_namesForms() {
    assertThatThrownBy(() -> InstantText.parse("next saturday", PARIS))
        .hasMessage("'next saturday' (" + InstantText.EXPECTED + ")");
  }

  @Test
  void zone_unknown_namesExpectedForm() {
    assertThat(InstantText.zone("Europe/Paris")).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThatThrownBy(() -> InstantText.zone("Europe/Pariss"))
        .hasMessage("'Europe/Pariss' (expected: an IANA zone id such as Europe/Paris, or UTC)");
  }
}
