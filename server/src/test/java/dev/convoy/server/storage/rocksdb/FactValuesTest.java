package dev.convoy.server.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.server.error.ConvoyException;
import dev.convoy.server.storage.rocksdb.v1.FactValueRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactValuesTest {
  @Test
  void decode_everyKindAndEdgeValue_sameAsGeneratedParser() throws Exception {
    for (Object value : List.of("", "7.6.4 ✓", "x".repeat(5_000), 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0.0, -0.0,
        1.5e-300, true, false)) {
      byte[] bytes = FactValues.encode(value);
      assertThat(FactValues.decode(bytes)).as("%s", value)
          .isEqualTo(value).isEqualTo(FactValues.value(FactValueRecord.parseFrom(bytes)));
    }
  }

  @Test
  void decode_unknownFieldAndTwoMembers_lastMemberWinsUnknownSkipped() throws Exception {
    byte[] text = FactValues.encode("old");
    byte[] unknown = {(byte) (9 << 3), 1}; // field 9, varint 1
    byte[] flag = FactValues.encode(true);
    byte[] bytes = new byte[text.length + unknown.length + flag.length];
    System.arraycopy(text, 0, bytes, 0, text.length);
    System.arraycopy(unknown, 0, bytes, text.length, unknown.length);
    System.arraycopy(flag, 0, bytes, text.length + unknown.length, flag.length);

    assertThat(FactValues.decode(bytes)).isEqualTo(true).isEqualTo(FactValues.value(FactValueRecord.parseFrom(bytes)));
  }

  @Test
  void decode_noValue_corruptRecord() {
    assertThatThrownBy(() -> FactValues.decode(new byte[0])).isInstanceOf(ConvoyException.class)
        .hasMessageContaining("corrupt inventory fact value");
  }

  @Test
  void factPath_keysWithAndWithoutSuffix_sameAsParts() {
    for (byte[] key : List.of(InventoryKeys.fact("ep-1", "os.family", "os.family"),
        InventoryKeys.fact("ep-1", "users.logged_in", "users.logged_in[3]"),
        InventoryKeys.fact("ep-ü", "software[\"a b\"].version", "software[\"a b\"].version"))) {
      assertThat(InventoryKeys.factPath(key)).isEqualTo(InventoryKeys.parts(key, false).path());
    }
  }
}
