package dev.convoy.agent.inventory.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine's default locale as a BCP 47 tag ({@code fr-FR}): {@code LANG} from systemd's
 * {@code /etc/locale.conf}, else Debian's {@code /etc/default/locale}, else the agent's own JVM locale. A daemon's
 * environment says little about what the workstation's users see, the system configuration does.
 *
 * <p>Immutable and thread-safe.
 */
public final class SystemLocale {
  /** Where the system locale is configured, in order of preference. */
  public static final List<Path> DEFAULT_FILES = List.of(Path.of("/etc/locale.conf"), Path.of("/etc/default/locale"));

  private final List<Path> files;

  public SystemLocale(List<Path> files) {
    this.files = List.copyOf(files);
  }

  /** The BCP 47 tag, e.g. {@code fr-FR}; never throws. */
  public String tag() {
    for (Path file : files) {
      Optional<String> tag = lang(file).flatMap(SystemLocale::toTag);
      if (tag.isPresent()) {
        return tag.get();
      }
    }
    return Locale.getDefault().toLanguageTag();
  }

  /**
   * A POSIX locale name ({@code fr_FR.UTF-8@euro}, {@code de_DE}, {@code C.UTF-8}) as a BCP 47 tag; empty for
   * {@code C}/{@code POSIX}, which name no language.
   */
  static Optional<String> toTag(String posix) {
    String name = posix.strip();
    int cut = name.length();
    for (char c : new char[] {'.', '@'}) {
      int at = name.indexOf(c);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    name = name.substring(0, cut);
    if (name.isEmpty() || name.equals("C") || name.equals("POSIX")) {
      return Optional.empty();
    }
    String tag = Locale.forLanguageTag(name.replace('_', '-')).toLanguageTag();
    return tag.equals("und") ? Optional.empty() : Optional.of(tag);
  }

  private static Optional<String> lang(Path file) {
    try {
      return OsRelease.parse(Files.readString(file, StandardCharsets.UTF_8)).get("LANG");
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
