package dev.convoy.server.inventory.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      *                 | ''                    | true
      *                 | anything              | true
      ''                | ''                    | true
      ''                | x                     | false
      ws-*              | WS-PARIS-042          | true
      ws-*              | pc-paris              | false
      *-042             | ws-paris-042          | true
      ws-?aris-*        | ws-paris-042          | true
      ws-?aris-*        | ws-aris-042           | false
      ???               | abc                   | true
      ???               | abcd                  | false
      a*b*c             | aXXbYYc               | true
      a*b*c             | aXXbYYcZ              | false
      a*b*c*            | abcabc                | true
      *a*a*a*b          | aaaaaaaaaaaaaaaaaaaaa | false
      3c:52:82:*        | 3C:52:82:1A:2B:3C     | true
      \\*               | *                     | true
      \\*               | x                     | false
      a\\?              | a?                    | true
      a\\?              | ab                    | false
      a\\               | a\\                   | true
      ÉCOLE-*           | école-12              | true
      """)
  void matches_pattern_caseInsensitiveGlob(String pattern, String text, boolean expected) {
    assertThat(Glob.matches(pattern, text)).isEqualTo(expected);
  }

  @Test
  void matches_hostilePattern_linearEnough() {
    String text = "a".repeat(20_000);
    String pattern = "*a".repeat(100) + "b";

    long start = System.nanoTime();
    assertThat(Glob.matches(pattern, text)).isFalse();
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }
}
