package dev.convoy.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteSizesTest {
  @Test
  void human_belowOneKibibyte_plainBytes() {
    assertThat(ByteSizes.human(0)).isEqualTo("0 B");
    assertThat(ByteSizes.human(1023)).isEqualTo("1023 B");
    assertThat(ByteSizes.human(-5)).isEqualTo("-5 B");
  }

  @Test
  void human_binaryUnits_oneDecimal() {
    assertThat(ByteSizes.human(1024)).isEqualTo("1.0 KiB");
    assertThat(ByteSizes.human(1536)).isEqualTo("1.5 KiB");
    assertThat(ByteSizes.human(4_294_967_296L)).isEqualTo("4.0 GiB");
    assertThat(ByteSizes.human(16_663_814_144L)).isEqualTo("15.5 GiB");
    assertThat(ByteSizes.human(512_110_190_592L)).isEqualTo("476.9 GiB");
    assertThat(ByteSizes.human(2L << 40)).isEqualTo("2.0 TiB");
  }

  @Test
  void human_justBelowTheNextUnit_roundsIntoIt() {
    assertThat(ByteSizes.human(1_048_575)).isEqualTo("1.0 MiB");
    assertThat(ByteSizes.human((1L << 30) - 1)).isEqualTo("1.0 GiB");
  }

  @Test
  void human_extremes_noOverflow() {
    assertThat(ByteSizes.human(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
    assertThat(ByteSizes.human(Long.MIN_VALUE)).isEqualTo("-8.0 EiB");
  }
}
