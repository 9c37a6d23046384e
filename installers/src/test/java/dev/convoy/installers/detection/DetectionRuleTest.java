package dev.convoy.installers.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convoy.installers.Detection;
import dev.convoy.installers.InstallContext;
import dev.convoy.installers.archive.ArchiveBuilder;
import dev.convoy.installers.script.RecordingRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing of the {@code detect} parameter, and the file and script rules on real files and scripts. */
class DetectionRuleTest {
  @TempDir
  Path temp;
  private final List<String> log = new ArrayList<>();
  private final RecordingRunner runner = new RecordingRunner();

  private InstallContext context(String version, Path payload) {
    return new InstallContext("hello", version, payload, temp.resolve("managed"), temp.resolve("work"), Map.of(), 0,
        log::add);
  }

  private Detection detect(String rule, String version) {
    return DetectionRule.parse(rule).detect(context(version, null), runner);
  }

  private void current(String path, String content) {
    try {
      Path file = temp.resolve("managed/hello/current").resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void parse_eachForm_givesItsRule() {
    assertThat(DetectionRule.parse("file:VERSION")).isEqualTo(new FileRule("VERSION", null));
    assertThat(DetectionRule.parse("file:etc/app.ini:/^version=(.+)$/"))
        .isEqualTo(new FileRule("etc/app.ini", "/^version=(.+)$/"));
    assertThat(DetectionRule.parse("dpkg:convoy-hello")).isEqualTo(new DpkgRule("convoy-hello"));
    assertThat(DetectionRule.parse("script:checks/detect.sh")).isEqualTo(new ScriptRule("checks/detect.sh"));
    assertThat(DetectionRule.parse("script:/opt/vendor/check")).isEqualTo(new ScriptRule("/opt/vendor/check"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "registry:HKLM        | parameter detect: 'registry:HKLM' (expected: file:<path>[:<expected>], dpkg:<package>"
          + " or script:<path>)",
      "VERSION              | parameter detect: 'VERSION' (expected: file:<path>[:<expected>]",
      "file:../etc/passwd   | parameter detect file path: '../etc/passwd' (expected: a relative path inside",
      "file:/etc/passwd     | parameter detect file path: '/etc/passwd' (expected: a relative path inside",
      "dpkg:Bad_Name        | parameter detect: dpkg package: 'Bad_Name' (expected: a Debian package name",
      "script:/opt/../etc/x | detect script path: '/opt/../etc/x' (expected: normalised, without '..')",
      "script:a/../../x     | parameter detect script path: 'a/../../x' (expected: a relative path inside"})
  void parse_malformed_refusedNamingWhatIsWrong(String rule, String message) {
    assertThatThrownBy(() -> DetectionRule.parse(rule)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void fileRule_noFile_notInstalled() {
    assertThat(detect("file:VERSION", "1.0.0")).isEqualTo(Detection.notInstalled());
    assertThat(log).contains("detect file:VERSION: no such file");
  }

  @Test
  void fileRule_presenceOnly_installed() {
    current("bin/app", "#!/bin/sh\n");

    assertThat(detect("file:bin/app", "1.0.0")).isEqualTo(Detection.same("1.0.0"));
  }

  @Test
  void fileRule_literalVersion_comparedWithTrimmedContent() {
    current("VERSION", "1.0.0\n");

    assertThat(detect("file:VERSION:{version}", "1.0.0")).isEqualTo(Detection.same("1.0.0"));
    assertThat(detect("file:VERSION:{version}", "2.0.0")).isEqualTo(Detection.other("1.0.0"));
    assertThat(detect("file:VERSION:1.0.0", "2.0.0")).isEqualTo(Detection.same("2.0.0"));
  }

  @Test
  void fileRule_regexWithGroup_groupIsTheInstalledVersion() {
    current("etc/app.ini", "[app]\nversion=1.4.2\nname=hello\n");

    assertThat(detect("file:etc/app.ini:/^version=(.+)$/", "1.4.2")).isEqualTo(Detection.same("1.4.2"));
    assertThat(detect("file:etc/app.ini:/^version=(.+)$/", "1.5.0")).isEqualTo(Detection.other("1.4.2"));
    assertThat(detect("file:etc/app.ini:/^version={version}$/", "1.4.2")).isEqualTo(Detection.same("1.4.2"));
    assertThat(detect("file:etc/app.ini:/^version={version}$/", "1.4")).isEqualTo(Detection.other("[app]"));
  }

  @Test
  void fileRule_symlinkOutOfTheCurrentTree_refused() throws IOException {
    Files.createDirectories(temp.resolve("managed/hello/current"));
    Files.writeString(temp.resolve("secret"), "1.0.0");
    Files.createSymbolicLink(temp.resolve("managed/hello/current/VERSION"), temp.resolve("secret"));

    assertThatThrownBy(() -> detect("file:VERSION:{version}", "1.0.0"))
        .hasMessageContaining("detect file:VERSION: resolves to " + temp.resolve("secret").toRealPath());
  }

  @Test
  void scriptRule_scriptInThePayload_exitZeroIsInstalled() {
    Path payload = ArchiveBuilder.tarGz().file("checks/yes.sh", "[ \"$CONVOY_ACTION\" = detect ]\n")
        .file("checks/no.sh", "exit 3\n").write(temp.resolve("payload.tar.gz"));

    assertThat(DetectionRule.parse("script:checks/yes.sh").detect(context("1.0.0", payload), runner))
        .isEqualTo(Detection.same("1.0.0"));
    assertThat(DetectionRule.parse("script:checks/no.sh").detect(context("1.0.0", payload), runner))
        .isEqualTo(Detection.notInstalled());
    assertThat(runner.labels()).containsExactly("checks/yes.sh", "checks/no.sh");
    assertThat(temp.resolve("work")).as("the scratch extraction is removed").isEmptyDirectory();
    assertThatThrownBy(() -> DetectionRule.parse("script:checks/absent.sh").detect(context("1.0.0", payload), runner))
        .hasMessage("detect script:checks/absent.sh: no such script (expected: a file in the payload archive)");
  }

  @Test
  void scriptRule_absoluteScriptOnTheMachine_run() throws IOException {
    Path check = Files.writeString(temp.resolve("check.sh"), "[ \"$CONVOY_VERSION\" = 1.0.0 ]\n");

    assertThat(DetectionRule.parse("script:" + check).detect(context("1.0.0", null), runner))
        .isEqualTo(Detection.same("1.0.0"));
    assertThat(DetectionRule.parse("script:" + check).detect(context("2.0.0", null), runner))
        .isEqualTo(Detection.notInstalled());
  }

  @Test
  void scriptRule_hostilePayload_refusedAndNothingRuns() {
    Path payload = ArchiveBuilder.tarGz().file("../detect.sh", "exit 0\n").write(temp.resolve("payload.tar.gz"));

    assertThatThrownBy(() -> DetectionRule.parse("script:detect.sh").detect(context("1.0.0", payload), runner))
        .hasMessageContaining("refused payload.tar.gz: entry '../detect.sh': '..' component");
    assertThat(runner.labels()).isEmpty();
  }
}
