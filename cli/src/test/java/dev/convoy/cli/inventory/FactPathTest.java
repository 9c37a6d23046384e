package dev.convoy.cli.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convoy.cli.inventory.FactPath.Any;
import dev.convoy.cli.inventory.FactPath.Index;
import dev.convoy.cli.inventory.FactPath.Key;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FactPathTest {
  @Test
  void parse_dottedQuotedAndIndexed_segments() {
    assertThat(FactPath.of("network.interfaces.eth0.ipv4[1]").segments()).containsExactly(
        new Key("network"), new Key("interfaces"), new Key("eth0"), new Key("ipv4"), new Index(1));
    assertThat(FactPath.of("software[\"g++\"].version").segments()).containsExactly(
        new Key("software"), new Key("g++"), new Key("version"));
    assertThat(FactPath.of("software[*].source").segments()).containsExactly(
        new Key("software"), new Any(), new Key("source"));
  }

  @Test
  void parse_escapesInQuotedKeys_decoded() {
    assertThat(FactPath.of("facts[\"a \\\"b\\\" \\\\ \\/ \\n \\u00e9\"]").segments())
        .containsExactly(new Key("facts"), new Key("a \"b\" \\ / \n é"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"os.family", "software[\"g++\"].version", "filesystems[\"/home\"].free_bytes",
      "users.logged_in[0]", "facts[\"line\\nbreak\"]", "[\"in\"].x", "software.hello-convoy.version"})
  void toString_canonicalPath_roundTrips(String canonical) {
    assertThat(FactPath.of(canonical).toString()).isEqualTo(canonical);
  }

  @Test
  void toString_quotedIdentifier_dotted() {
    assertThat(FactPath.of("software[\"vim\"].version").toString()).isEqualTo("software.vim.version");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".os", "os.", "os..family", "os[", "os[\"x]", "os[x]", "os family", "9os",
      "os[\"\\q\"]", "os[\"\\u12\"]", "os[\"\\u+123\"]"})
  void parse_notAPath_emptyAndOfKeepsTheText(String text) {
    assertThat(FactPath.parse(text)).isEmpty();
    assertThat(FactPath.of(text).segments()).containsExactly(new Key(text));
  }

  @Test
  void top_firstKey() {
    assertThat(FactPath.of("filesystems[\"/\"].type").top()).isEqualTo("filesystems");
    assertThat(FactPath.of("[\"odd key\"].x").top()).isEqualTo("odd key");
  }

  @Test
  void lastKey_skipsPositions() {
    assertThat(FactPath.of("hardware.disks.sda.size_bytes").lastKey()).contains("size_bytes");
    assertThat(FactPath.of("network.interfaces.eth0.ipv4[0]").lastKey()).contains("ipv4");
  }

  @Test
  void tail_withoutTheFirstSegments() {
    assertThat(FactPath.of("hardware.cpu.model").tail(1)).isEqualTo("cpu.model");
    assertThat(FactPath.of("filesystems[\"/home\"].free_bytes").tail(1)).isEqualTo("[\"/home\"].free_bytes");
  }

  @Test
  void reads_sameCanonicalPath_whateverTheNotation() {
    assertThat(FactPath.of("software[\"vim\"].version").reads(FactPath.of("software.vim.version"))).isTrue();
    assertThat(FactPath.of("os.name").reads(FactPath.of("os.family"))).isFalse();
    assertThat(FactPath.of("os.name").reads(FactPath.of("os"))).isFalse();
    assertThat(FactPath.of("os").reads(FactPath.of("os.name"))).isFalse();
  }

  @Test
  void reads_listAtTheEnd_everyElement() {
    FactPath users = FactPath.of("users.logged_in");

    assertThat(List.of("users.logged_in[0]", "users.logged_in[12]", "users.logged_in.x"))
        .map(p -> users.reads(FactPath.of(p))).containsExactly(true, true, false);
  }

  @Test
  void reads_keyAppliedToList_eachElement() {
    assertThat(FactPath.of("disks.size_bytes").reads(FactPath.of("disks[1].size_bytes"))).isTrue();
    assertThat(FactPath.of("disks[1].size_bytes").reads(FactPath.of("disks[0].size_bytes"))).isFalse();
  }

  @Test
  void reads_wildcard_anyOneSegment() {
    FactPath sources = FactPath.of("software[*].source");

    assertThat(sources.reads(FactPath.of("software[\"g++\"].source"))).isTrue();
    assertThat(sources.reads(FactPath.of("software.vim.version"))).isFalse();
  }
}
