package dev.convoy.cli.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.protocol.v1.FactValue;
import org.junit.jupiter.api.Test;

class FactValuesTest {
  private static FactValue text(String value) {
    return FactValue.newBuilder().setText(value).build();
  }

  private static FactValue integer(long value) {
    return FactValue.newBuilder().setInteger(value).build();
  }

  private static FactValue real(double value) {
    return FactValue.newBuilder().setReal(value).build();
  }

  @Test
  void raw_eachKind_asScriptsExpectIt() {
    assertThat(FactValues.raw(text("Poste de Zoé, 2ᵉ étage"))).isEqualTo("Poste de Zoé, 2ᵉ étage");
    assertThat(FactValues.raw(integer(-42))).isEqualTo("-42");
    assertThat(FactValues.raw(integer(Long.MAX_VALUE))).isEqualTo("9223372036854775807");
    assertThat(FactValues.raw(FactValue.newBuilder().setFlag(true).build())).isEqualTo("true");
    assertThat(FactValues.raw(FactValue.newBuilder().setFlag(false).build())).isEqualTo("false");
    assertThat(FactValues.raw(FactValue.getDefaultInstance())).isEmpty();
  }

  @Test
  void raw_reals_noNeedlessTrailingZerosNorExponent() {
    assertThat(FactValues.raw(real(15.5))).isEqualTo("15.5");
    assertThat(FactValues.raw(real(16.0))).isEqualTo("16");
    assertThat(FactValues.raw(real(23.80))).isEqualTo("23.8");
    assertThat(FactValues.raw(real(0.1))).isEqualTo("0.1");
    assertThat(FactValues.raw(real(-0.0))).isEqualTo("0");
    assertThat(FactValues.raw(real(1e-7))).isEqualTo("0.0000001");
    assertThat(FactValues.raw(real(1.5e21))).isEqualTo("1500000000000000000000");
    assertThat(FactValues.raw(real(Double.NaN))).isEqualTo("NaN");
  }

  @Test
  void type_namesEachKind() {
    assertThat(FactValues.type(text("x"))).isEqualTo("text");
    assertThat(FactValues.type(integer(1))).isEqualTo("integer");
    assertThat(FactValues.type(real(1))).isEqualTo("real");
    assertThat(FactValues.type(FactValue.newBuilder().setFlag(true).build())).isEqualTo("boolean");
    assertThat(FactValues.type(FactValue.getDefaultInstance())).isEmpty();
  }

  @Test
  void human_bytesPaths_binaryUnits() {
    assertThat(FactValues.human("hardware.memory_bytes", integer(16_663_814_144L))).isEqualTo("15.5 GiB");
    assertThat(FactValues.human("filesystems[\"/home\"].free_bytes", real(1536))).isEqualTo("1.5 KiB");
  }

  @Test
  void human_otherPathsOrText_raw() {
    assertThat(FactValues.human("hardware.memory_gb", real(15.5))).isEqualTo("15.5");
    assertThat(FactValues.human("os.uptime_s", integer(93_784))).isEqualTo("93784");
    assertThat(FactValues.human("facts.size_bytes", text("big"))).isEqualTo("big");
    assertThat(FactValues.human("facts.bytes_total", integer(2048))).isEqualTo("2048");
  }
}
