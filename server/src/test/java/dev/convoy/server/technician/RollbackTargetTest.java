package dev.convoy.server.technician;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RollbackTargetTest {
  @ParameterizedTest(name = "back to \"{0}\" with \"{1}\" installed: downgrade {2}")
  @CsvSource(value = {
      "1.0.0 | 1.0.0     | false", // a failed install left the previous version: reinstall it
      "1.0.0 | 0.9.0     | false", // the endpoint is older still: installing 1.0.0 is an upgrade
      "1.0.0 | 2.0.0     | true",  // the new version went in: going back is a downgrade
      "1.0.0 | 1.0.1-rc.1 | true",
      "1.0.0 | ''        | true",  // nothing reported: ask for the explicit downgrade, as before
      "1.0.0 | 1:2.0-1   | true",  // not comparable
      "''    | 2.0.0     | false", // an uninstall is never a downgrade
  }, delimiter = '|')
  void isDowngrade_installedVersion_downgradeOnlyWhenTheEndpointHasANewerOne(String target, String installed,
      boolean downgrade) {
    assertThat(RollbackTarget.isDowngrade(target, installed)).isEqualTo(downgrade);
  }
}
