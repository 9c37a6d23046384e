package dev.convoy.installers.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryNamesTest {
  @ParameterizedTest
  @CsvSource({"a,a", "a/b/c,a/b/c", "./a//b/,a/b", "./,''", "a/./b,a/b", "...,...", "a..b/c,a..b/c", "é/ü,é/ü"})
  void normalise_acceptedName_normalised(String name, String expected) throws RefusedException {
    assertThat(EntryNames.normalise(name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "..", "../a", "a/../b", "a/..", "/a", "//a", "C:/a", "c:a", "a\\b", "a\u0000b",
      "a\nb", "a\u007fb", "a\tb"})
  void normalise_hostileName_refused(String name) {
    assertThatThrownBy(() -> EntryNames.normalise(name)).isInstanceOf(RefusedException.class)
        .hasMessageContaining("(expected:");
  }

  @ParameterizedTest
  @CsvSource({"a,b,b", "d/a,b,d/b", "d/a,../b,b", "d/e/a,../../b,b", "a,.,''", "d/a,./x/../y,d/y"})
  void resolveLink_insideTarget_resolvedLexically(String link, String target, String expected)
      throws RefusedException {
    assertThat(EntryNames.resolveLink(link, target)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"a,..", "a,../b", "d/a,../../b", "a,/etc/passwd", "a,C:/x", "a,x\\y", "a,''", "a,x/../../y"})
  void resolveLink_escapingOrMalformedTarget_refused(String link, String target) {
    assertThatThrownBy(() -> EntryNames.resolveLink(link, target)).isInstanceOf(RefusedException.class);
  }

  @Test
  void printable_controlCharacters_escaped() {
    assertThat(EntryNames.printable("a\nb\u0000")).isEqualTo("a\\x0ab\\x00");
    assertThat(EntryNames.printable("ok/é")).isEqualTo("ok/é");
  }
}
