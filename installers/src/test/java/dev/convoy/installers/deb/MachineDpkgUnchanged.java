package dev.convoy.installers.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the class where dpkg is missing, and asserts after it that the machine's own dpkg database and log are
 * byte-identical to before: every test installs into an isolated root only.
 */
public final class MachineDpkgUnchanged implements BeforeAllCallback, AfterAllCallback {
  private static final List<Path> WATCHED = List.of(Path.of("/var/lib/dpkg/status"), Path.of("/var/log/dpkg.log"),
      Path.of("/var/lib/dpkg/info"));
  private Map<Path, String> before;

  @Override
  public void beforeAll(ExtensionContext context) {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg")) && Files.isExecutable(Path.of("/usr/bin/dpkg-deb")),
        "dpkg and dpkg-deb are needed (Debian-based machine)");
    before = snapshot();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (before != null) {
      assertThat(snapshot()).as("the machine's dpkg state").isEqualTo(before);
    }
  }

  private static Map<Path, String> snapshot() {
    Map<Path, String> state = new LinkedHashMap<>();
    for (Path path : WATCHED) {
      state.put(path, describe(path));
    }
    return state;
  }

  private static String describe(Path path) {
    try {
      if (Files.isDirectory(path)) {
        try (var entries = Files.list(path)) {
          return entries.count() + " entries";
        }
      }
      return Files.exists(path) ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(path))) : "absent";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
