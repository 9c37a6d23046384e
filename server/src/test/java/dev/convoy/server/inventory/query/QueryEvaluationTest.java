package dev.convoy.server.inventory.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Evaluation over {@link Laptops#debian12()}: what an admin targeting that laptop should and should not get. */
class QueryEvaluationTest {
  private static final InventoryDocument LAPTOP = Laptops.debian12();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      os.family = "debian" and hardware.memory_gb < 8 and software["libreoffice"].version < "7.6" | true
      os.family = "Debian"                                       | false
      os.family ~ "DEB*"                                         | true
      os.family != "windows"                                     | true
      os.family in ["ubuntu", "debian"]                          | true
      os.family not in ["ubuntu", "debian"]                      | false
      hardware.memory_gb < 8                                     | true
      hardware.memory_gb >= 8                                    | false
      hardware.memory_gb > 7.5                                   | true
      hardware.memory_gb = 7.6                                   | true
      hardware.memory_gb = 7.60                                  | true
      hardware.memory_gb = "7.6"                                 | true
      hardware.cpu.cores = 4                                     | true
      hardware.cpu.cores = 4.0                                   | true
      hardware.cpu.cores > 3.5                                   | true
      hardware.cpu.cores = "4"                                   | true
      hardware.disk_free_gb > 100                                | true
      hardware.disk_free_gb < 20                                 | false
      hardware.vendor = "LENOVO" and hardware.model ~ "thinkpad t4?0" | true
      os.version >= 12                                           | true
      os.version > "9"                                           | true
      os.version = "12.0"                                        | true
      os.kernel_version >= "6.1.0-10-amd64"                      | true
      os.kernel_version < "6.1.0-9-amd64"                        | false
      software["libreoffice"].version >= "7.5.9"                 | true
      software["libreoffice"].version = "7.5.9"                  | false
      software["libreoffice"].version = "7.5.9.2"                | true
      software.libreoffice.version < 7.6                         | true
      software.libreoffice.version < 7.10                        | true
      software.libreoffice.version > 7.10                        | false
      software.libreoffice.version in ["7.5.9.2", "7.6.4.1"]     | true
      software.libreoffice.version ~ "7.5.*"                     | true
      software["libreoffice"].source = "convoy"                  | true
      software["vim"].version < "9.1"                            | false
      software["vim"].version < "2:9.1"                          | true
      software["firefox-esr"].version < "115.9"                  | true
      software["firefox-esr"].version > "115.8.0esr"             | true
      software["firefox-esr"].version > "115.8.1esr"             | false
      software["firefox-esr"].version ~ "115.*esr*"              | true
      software["g++"] exists                                     | true
      software["g++"].version < "4:13"                           | true
      software[*].source = "convoy"                              | true
      software[*].source = "snap"                                | false
      software[*].source != "snap"                               | true
      software[*].source != "dpkg"                               | false
      network.hostname ~ "WS-PARIS-*"                            | true
      network.hostname ~ "ws-?aris-04?"                          | true
      network.hostname ~ "ws-paris"                              | false
      network.hostname > "ws-lyon"                               | true
      network.interfaces.mac ~ "3c:52:82:*"                      | true
      network.interfaces[*].mac = "f4:8c:50:aa:bb:cc"            | true
      network.interfaces[1].name = "wlp3s0"                      | true
      network.interfaces[0].name = "wlp3s0"                      | false
      network.interfaces[2].name exists                          | false
      network.interfaces.ipv4 = "10.0.4.42"                      | true
      network.interfaces.ipv4 ~ "10.0.*"                         | true
      network.interfaces[1].ipv4 exists                          | true
      network.interfaces[1].ipv4 = "10.0.4.42"                   | false
      facts.tags = "finance"                                     | true
      facts.tags != "finance"                                    | false
      facts.tags != "kiosk"                                      | true
      facts.tags in ["kiosk", "finance"]                         | true
      facts.tags not in ["kiosk", "lab"]                         | true
      facts.tags not in ["kiosk", "laptop"]                      | false
      facts.kiosk = false                                        | true
      facts.kiosk != true                                        | true
      not facts.kiosk = true                                     | true
      facts.site in ["paris", "lyon"] and facts.floor <= 3       | true
      convoy.releases["hello"].state = "SUCCEEDED"               | true
      convoy.releases.hello.version >= "1.0.0-rc.1"              | true
      convoy.releases.hello.version < "1.0.1-alpha"              | true
      convoy.agent_version < "0.2"                               | true
      os.family = "windows" or os.family = "debian" and facts.site = "lyon"   | false
      (os.family = "windows" or os.family = "debian") and facts.site = "paris" | true
      not os.family = "windows" and facts.site = "paris"         | true
      not (os.family = "debian" and facts.site = "paris")        | false
      os.family = "debian" AND NOT facts.kiosk = TRUE            | true
      """)
  void matches_laptop(String query, boolean expected) {
    assertThat(Query.parse(query).matches(LAPTOP)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      os.edition = "pro"                          | false
      os.edition != "pro"                         | false
      os.edition < 5                              | false
      os.edition >= "1.0"                         | false
      os.edition in ["pro"]                       | false
      os.edition not in ["pro"]                   | false
      os.edition ~ "*"                            | false
      os.edition exists                           | false
      os.edition not exists                       | true
      not os.edition = "pro"                      | true
      os.edition != "pro" or os.edition not exists | true
      software["photoshop"].version < "99"        | false
      software["photoshop"] not exists            | true
      software.photoshop.version not exists       | true
      os.family.name exists                       | false
      os.family[0] = "debian"                     | false
      hardware.serial exists                      | false
      hardware.serial not exists                  | true
      [*].nothing.here = 1                        | false
      """)
  void matches_missingPath_onlyNotExistsHolds(String query, boolean expected) {
    assertThat(Query.parse(query).matches(LAPTOP)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      facts.kiosk < 5                             | false
      facts.kiosk > 5                             | false
      facts.kiosk = 0                             | false
      facts.kiosk = "false"                       | false
      facts.kiosk ~ "f*"                          | false
      hardware.memory_gb = true                   | false
      hardware.memory_gb != true                  | true
      hardware.memory_gb < "many"                 | false
      hardware.memory_gb ~ "7.*"                  | true
      hardware.cpu < 5                            | false
      hardware.cpu = "x"                          | false
      hardware.cpu != "x"                         | false
      hardware.cpu exists                         | true
      os.family < 5                               | false
      os.family > 5                               | false
      os.family = 5                               | false
      facts.tags < 3                              | false
      network.interfaces = "x"                    | false
      network.interfaces exists                   | true
      """)
  void matches_typeMismatch_falseNeverThrows(String query, boolean expected) {
    assertThat(Query.parse(query).matches(LAPTOP)).isEqualTo(expected);
  }

  @Test
  void matches_emptyDocument_onlyNegativeExistence() {
    assertThat(Query.parse("os.family = \"debian\"").matches(InventoryDocument.empty())).isFalse();
    assertThat(Query.parse("os.family != \"debian\"").matches(InventoryDocument.empty())).isFalse();
    assertThat(Query.parse("os not exists").matches(InventoryDocument.empty())).isTrue();
  }

  @Test
  void matches_sameQueryManyDocuments_selectsTheRightOnes() {
    Query query = Query.parse("os.family = \"debian\" and hardware.memory_gb < 8"
        + " and software[\"libreoffice\"].version < \"7.6\"");
    Map<String, InventoryDocument> fleet = Map.of(
        "small-old", document("debian", 7.6, "7.5.9.2"),
        "small-new", document("debian", 7.6, "7.6.4.1"),
        "small-none", document("debian", 4, null),
        "big-old", document("debian", 16, "7.5.9.2"),
        "win-small-old", document("windows", 8 - 0.5, "7.5.9.2"),
        "small-rc", document("debian", 2, "7.6.0-rc1"));

    assertThat(fleet.entrySet().stream().filter(e -> query.matches(e.getValue())).map(Map.Entry::getKey))
        .containsExactlyInAnyOrder("small-old", "small-rc");
  }

  private static InventoryDocument document(String family, double memory, String libreoffice) {
    Map<String, Object> software = libreoffice == null ? Map.of() : Map.of("libreoffice", Map.of("version", libreoffice));
    return InventoryDocument.of(Map.of("os", Map.of("family", family), "hardware", Map.of("memory_gb", memory),
        "software", software, "facts", Map.of("tags", List.of())));
  }
}
