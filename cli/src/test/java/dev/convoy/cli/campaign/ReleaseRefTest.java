package dev.convoy.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReleaseRefTest {
  @Test
  void parse_nameAtVersion_splitsAtTheAt() {
    assertThat(ReleaseRef.parse("hello-convoy@1.0.0-rc.1")).isEqualTo(new ReleaseRef("hello-convoy", "1.0.0-rc.1"));
    assertThat(ReleaseRef.parse(" office@7.6.4 ").toString()).isEqualTo("office@7.6.4");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "hello", "@1.0.0", "hello@", "a@b@c"})
  void parse_malformed_namesExpectedForm(String text) {
    assertThatThrownBy(() -> ReleaseRef.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'" + text + "' (expected: NAME@VERSION, e.g. hello-convoy@1.0.0)");
  }
}
