package dev.convoy.server.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The scanning check of plain dotted paths agrees with the regex it replaces, on chosen and random inputs. */
class FactPathsDottedTest {
  @ParameterizedTest
  @ValueSource(strings = {"os", "os.name", "software.libre-office.version", "_a._b", "a1.b2", "a..b", ".a", "a.",
      "", "1a", "a.1b", "a.-b", "a-b.c_d", "a b", "a[0]", "a.\"b\"", "é", "A.Z.z_9-"})
  void dotted_chosenInputs_agreesWithTheRegex(String path) {
    assertThat(FactPaths.dotted(path)).as(path).isEqualTo(FactPaths.dottedByRegex(path));
  }

  @Test
  void dotted_randomInputs_agreesWithTheRegex() {
    Random random = new Random(42);
    String alphabet = "aZ_9-.[]\" é0";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder path = new StringBuilder();
      for (int i = random.nextInt(8); i > 0; i--) {
        path.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String p = path.toString();
      assertThat(FactPaths.dotted(p)).as("'%s'", p).isEqualTo(FactPaths.dottedByRegex(p));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"and", "OR.x", "Not.a.b", "in", "exists.y", "TRUE", "false.z"})
  void isPlainDotted_keywordFirst_takesTheSlowRoute(String path) {
    assertThat(FactPaths.isPlainDotted(path)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "android.version", "notes", "inventory.x", "existsx", "truest.y", "os.and"})
  void isPlainDotted_otherIdentifiers_fastRoute(String path) {
    assertThat(FactPaths.isPlainDotted(path)).isTrue();
  }
}
