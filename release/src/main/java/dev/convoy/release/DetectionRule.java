package dev.convoy.release;

import java.util.regex.Pattern;

/**
 * How an installer tells that this release is already installed (then the agent reports ALREADY_INSTALLED and
 * runs nothing). The release format carries the rule signed; installers evaluate it.
 */
public sealed interface DetectionRule
    permits DetectionRule.FileVersion, DetectionRule.DpkgPackage, DetectionRule.ScriptExitCode {

  /** The rule's type as spelled in the manifest ({@code file}, {@code dpkg}, {@code script}). */
  String type();

  /**
   * Installed when the file at {@code path} on the endpoint exists and its content, trimmed, equals
   * {@code version}.
   *
   * @param path the file's path on the endpoint, 1 to 1024 characters, no control characters
   * @param version the expected content, 1 to 128 characters, no control characters
   */
  record FileVersion(String path, String version) implements DetectionRule {
    /** @throws IllegalArgumentException naming the field that is wrong */
    public FileVersion {
      Text.plain("detection.path", path, 1024);
      Text.plain("detection.version", version, 128);
    }

    @Override
    public String type() {
      return "file";
    }
  }

  /**
   * Installed when {@code dpkg-query} reports package {@code packageName} installed at {@code version}.
   *
   * @param packageName a Debian package name, {@code [a-z0-9][a-z0-9+.-]{1,99}}
   * @param version the Debian version, 1 to 128 characters, no control characters or spaces
   */
  record DpkgPackage(String packageName, String version) implements DetectionRule {
    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]{1,99}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9.+~:-]{1,128}");

    /** @throws IllegalArgumentException naming the field that is wrong */
    public DpkgPackage {
      Text.matches("detection.package", packageName, PACKAGE, "a Debian package name, [a-z0-9][a-z0-9+.-]{1,99}");
      Text.matches("detection.version", version, VERSION, "a Debian version, [A-Za-z0-9.+~:-]{1,128}");
    }

    @Override
    public String type() {
      return "dpkg";
    }
  }

  /**
   * Installed when the script at {@code path} inside the payload exits with {@code installedExitCode}.
   *
   * @param path the script's payload-relative path
   * @param installedExitCode the exit code meaning "installed", 0 to 255
   */
  record ScriptExitCode(String path, int installedExitCode) implements DetectionRule {
    /** @throws IllegalArgumentException naming the field that is wrong */
    public ScriptExitCode {
      PayloadPaths.checkPath("detection.path", path);
      Text.range("detection.exit_code", installedExitCode, 0, 255);
    }

    @Override
    public String type() {
      return "script";
    }
  }
}
