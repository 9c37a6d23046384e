package dev.convoy.server.inventory.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionComparatorTest {
  private static final VersionComparator VERSIONS = VersionComparator.INSTANCE;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "7.6                  <  7.10",
      "7.10                 >  7.6",
      "7.5.9                <  7.6",
      "7.5.9.2              <  7.6.4.1",
      "10                   >  9",
      "1.99999999999999999999 > 1.9",
      "1.0.0                <  2.0.0",
      "2.0.0                <  2.1.0",
      "2.1.0                <  2.1.1",
      "1.0.0-rc.1           <  1.0.0",
      "1.0.0-alpha          <  1.0.0-alpha.1",
      "1.0.0-alpha.1        <  1.0.0-alpha.beta",
      "1.0.0-alpha.beta     <  1.0.0-beta",
      "1.0.0-beta           <  1.0.0-beta.2",
      "1.0.0-beta.2         <  1.0.0-beta.11",
      "1.0.0-beta.11        <  1.0.0-rc.1",
      "1.0.0-alpha          <  1.0.0-alpha.0",
      "1.0.0-RC.1           <  1.0.0-rc.1",
      "1.0.0-alpha          <  1.0.0-alpha-1",
      "7.6-rc1              <  7.6",
      "1:1.0                >  2.0",
      "2:0                  >  1:99",
      "0:1.0                =  1.0",
      "1:2.3-1ubuntu2       >  2.3-1ubuntu2",
      "2.3-1ubuntu2         <  2.3-1ubuntu10",
      "2.3                  <  2.3-1",
      "2.3-0                =  2.3",
      "2.36-9+deb12u3       <  2.36-9+deb12u4",
      "115.8.0esr-1~deb12u1 <  115.8.0esr-1",
      "1.0~beta             <  1.0",
      "1.0~rc1              <  1.0~rc2",
      "1.0~~                <  1.0~",
      "1.0~                 <  1.0",
      "1.2.3~rc1            =  1.2.3-rc1",
      "1.0.0-rc.1           <  1.0.0-1",
      "1.0+dfsg             >  1.0",
      "1.0a                 >  1.0",
      "1.0a                 >  1.0.0",
      "7.6                  =  7.6.0",
      "7.6.0.0              =  7.6",
      "7.6.0~rc1            =  7.6~rc1",
      "7.6                  <  7.6.0.1",
      "1.00                 =  1",
      "12                   =  12.0",
      "v1.2.3               =  1.2.3",
      "1.0.0-0.3.7          >  1.0.0"})
  void compare_pair_ordersAsDocumented(String pair) {
    String[] parts = pair.split(" +");
    String left = parts[0];
    String right = parts[2];
    int expected = switch (parts[1]) {
      case "<" -> -1;
      case ">" -> 1;
      default -> 0;
    };

    assertThat(Integer.signum(VERSIONS.compare(left, right))).as("%s vs %s", left, right).isEqualTo(expected);
    assertThat(Integer.signum(VERSIONS.compare(right, left))).as("%s vs %s", right, left).isEqualTo(-expected);
  }

  @Test
  void sort_shuffledVersions_givesSemverAndDebianOrder() {
    List<String> expected = List.of("1.0~beta", "1.0", "1.0-1", "1.0.0.1", "1.0.1-alpha.2", "1.0.1~rc1", "1.0.1",
        "1.0.1-1", "1.0.1-2", "1.0.1-10", "1.0.1a", "1.0.1+dfsg-1", "1.1", "1.10", "2.0.0-alpha", "2.0.0", "1:0.1");
    List<String> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new Random(6));

    shuffled.sort(VERSIONS);

    assertThat(shuffled).containsExactlyElementsOf(expected);
  }

  @Test
  void compare_randomStrings_isATotalOrderAndNeverThrows() {
    Random random = new Random(42);
    List<String> samples = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      samples.add(randomVersionish(random));
    }
    samples.addAll(List.of("", "~", "-", ":", "1:", "v", "v1", "-1", "0", "00", "1.", ".1", "a:b"));

    for (String a : samples) {
      assertThat(VERSIONS.compare(a, a)).as(a).isZero();
      for (String b : samples) {
        int ab = Integer.signum(VERSIONS.compare(a, b));
        assertThat(Integer.signum(VERSIONS.compare(b, a))).as("%s vs %s", a, b).isEqualTo(-ab);
        for (String c : samples) {
          if (ab <= 0 && VERSIONS.compare(b, c) <= 0) {
            assertThat(VERSIONS.compare(a, c)).as("%s <= %s <= %s", a, b, c).isLessThanOrEqualTo(0);
          }
        }
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"7.6, true", "12, true", "1:2.3-1, true", "v1.2, true", "V2, true", "v, false", "vim, false",
      "'', false", "debian, false", "-1, false", ".5, false"})
  void looksLikeVersion_text_startsWithDigitOrVDigit(String text, boolean expected) {
    assertThat(VersionComparator.looksLikeVersion(text)).isEqualTo(expected);
  }

  private static String randomVersionish(Random random) {
    String alphabet = "0123456789..--~+:abzAB";
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(9);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
